package dev.lbtriage.engine.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DataLocationTest {
  static final Path HOME = Path.of("/home/alice");

  @Test
  void on_linux_the_store_is_under_xdg_data_home_or_else_local_share() {
    assertThat(DataLocation.dataDir(Map.of("XDG_DATA_HOME", "/data"), "Linux", HOME)).isEqualTo(Path.of("/data/lb-triage"));
    assertThat(DataLocation.dataDir(Map.of(), "Linux", HOME)).isEqualTo(Path.of("/home/alice/.local/share/lb-triage"));
    assertThat(DataLocation.dataDir(Map.of("XDG_DATA_HOME", "relative/ignored"), "Mac OS X", HOME))
        .isEqualTo(Path.of("/home/alice/.local/share/lb-triage"));
  }

  @Test
  void on_windows_the_store_is_under_local_app_data() {
    assertThat(DataLocation.dataDir(Map.of("LOCALAPPDATA", "/c/Users/alice/AppData/Local"), "Windows 11", HOME))
        .isEqualTo(Path.of("/c/Users/alice/AppData/Local/lb-triage"));
    assertThat(DataLocation.dataDir(Map.of(), "Windows 11", HOME)).isEqualTo(Path.of("/home/alice/AppData/Local/lb-triage"));
  }

  @Test
  void the_default_url_is_an_h2_file_that_the_process_does_not_close_on_exit_and_the_env_overrides_it() {
    assertThat(DataLocation.url(Map.of(), "Linux", HOME))
        .isEqualTo("jdbc:h2:file:/home/alice/.local/share/lb-triage/sessions;DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0");
    assertThat(DataLocation.url(Map.of("LB_TRIAGE_DB", "jdbc:h2:mem:x"), "Linux", HOME)).isEqualTo("jdbc:h2:mem:x");
  }

  @Test
  void home_is_the_home_variable_not_javas_user_home(@org.junit.jupiter.api.io.TempDir Path tmp) {
    assertThat(DataLocation.home(Map.of("HOME", tmp.toString()), "/root")).isEqualTo(tmp);
    assertThat(DataLocation.home(Map.of("HOME", "relative"), "/root")).isEqualTo(Path.of("/root"));
    assertThat(DataLocation.home(Map.of(), "/root")).isEqualTo(Path.of("/root"));
  }

  @Test
  void an_explicit_database_is_a_jdbc_url_or_a_file_whose_folder_exists(@org.junit.jupiter.api.io.TempDir Path tmp) {
    assertThat(DataLocation.explicit("jdbc:h2:mem:x", "--db")).isEqualTo("jdbc:h2:mem:x");
    assertThat(DataLocation.explicit("jdbc:postgresql://db:5432/triage", "--db")).isEqualTo("jdbc:postgresql://db:5432/triage");
    assertThat(DataLocation.explicit("postgresql://u:p@db/triage", "LB_TRIAGE_DB")).isEqualTo("jdbc:postgresql://u:p@db/triage");
    assertThat(DataLocation.printable("jdbc:postgresql://u:Secret99@db/triage?password=Secret99")).doesNotContain("Secret99");
    assertThat(DataLocation.explicit(tmp.resolve("s.mv.db").toString(), "--db")).isEqualTo(DataLocation.h2File(tmp.resolve("s")));
    assertThat(DataLocation.explicit(tmp.resolve("s").toString(), "LB_TRIAGE_DB")).isEqualTo(DataLocation.h2File(tmp.resolve("s")));
    assertThat(DataLocation.url(Map.of("LB_TRIAGE_DB", tmp.resolve("t.mv.db").toString()), "Linux", HOME))
        .isEqualTo(DataLocation.h2File(tmp.resolve("t")));
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> DataLocation.explicit(tmp.resolve("none/s.mv.db").toString(), "--db"))
        .hasMessage("--db " + tmp.resolve("none/s.mv.db") + ": the folder " + tmp.resolve("none")
            + " does not exist; create it first or give another --db");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> DataLocation.explicit("jdbc:h2:file:" + tmp.resolve("none/s"), "--db"))
        .hasMessageContaining("the folder " + tmp.resolve("none") + " does not exist");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> DataLocation.explicit("mysql://db/x", "LB_TRIAGE_DB"))
        .hasMessageStartingWith("LB_TRIAGE_DB 'mysql://db/x' is neither a JDBC URL nor a file path; give a JDBC URL");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> DataLocation.explicit(tmp.toString(), "--db"))
        .hasMessageContaining("is a folder");
    assertThat(tmp.resolve("none")).doesNotExist();
  }
}
