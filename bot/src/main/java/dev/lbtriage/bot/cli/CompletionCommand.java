package dev.lbtriage.bot.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code lb-triage completion bash|zsh}: the shell completion script, generated from the commands themselves. */
@Command(
    name = "completion",
    mixinStandardHelpOptions = true,
    description = "Print the shell completion script for bash or zsh.",
    footer = {"", "Examples:",
        "  source <(lb-triage completion bash)                 # this shell",
        "  lb-triage completion bash > ~/.local/share/bash-completion/completions/lb-triage",
        "  lb-triage completion zsh > \"${fpath[1]}/_lb-triage\"   # zsh (uses bashcompinit)"})
final class CompletionCommand implements Callable<Integer> {

  /** The shells a script is made for. */
  enum Shell {
    bash,
    zsh
  }

  @Parameters(index = "0", paramLabel = "SHELL", description = "bash or zsh.")
  Shell shell;

  @Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    String script = AutoComplete.bash("lb-triage", spec.root().commandLine());
    PrintWriter out = spec.commandLine().getOut();
    if (shell == Shell.zsh) {
      // picocli's script runs in zsh through bash-style completion
      out.println("#compdef lb-triage");
      out.println("autoload -U +X compinit && compinit");
      out.println("autoload -U +X bashcompinit && bashcompinit");
    }
    out.print(script);
    out.flush();
    return Main.EXIT_OK;
  }
}
