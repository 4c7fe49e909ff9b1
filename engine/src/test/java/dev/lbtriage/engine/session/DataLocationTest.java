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
}
