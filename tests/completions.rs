//! Shell completions and manual pages, made from the command-line definition: the scripts
//! parse in their shell and complete the commands; `man` renders the pages.

use std::process::Command;

fn congkhai(args: &[&str]) -> String {
    let output = Command::new(env!("CARGO_BIN_EXE_congkhai"))
        .args(args)
        .output()
        .unwrap();
    assert!(output.status.success(), "{args:?}");
    String::from_utf8(output.stdout).unwrap()
}

#[test]
fn the_bash_completion_parses_and_completes_commands_and_options() {
    let script = congkhai(&["completions", "bash"]);
    // Load the script in bash and ask it what `congkhai b<TAB>` and `congkhai build --<TAB>`
    // complete to, as readline would.
    let probe = format!(
        "{script}\n\
         COMP_WORDS=(congkhai b); COMP_CWORD=1; _congkhai congkhai b congkhai; echo \"${{COMPREPLY[*]}}\"\n\
         COMP_WORDS=(congkhai build --); COMP_CWORD=2; _congkhai congkhai -- build; echo \"${{COMPREPLY[*]}}\""
    );
    let output = Command::new("bash")
        .args(["--noprofile", "--norc", "-c", &probe])
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    let mut lines = stdout.lines();
    assert_eq!(lines.next(), Some("build"), "{stdout}");
    let options = lines.next().unwrap_or_default();
    for option in ["--root", "--out", "--base-url", "--force"] {
        assert!(
            options.split(' ').any(|o| o == option),
            "{option} in {options}"
        );
    }
}

#[test]
fn every_shell_gets_a_script_naming_every_command() {
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let script = congkhai(&["completions", shell]);
        for command in ["build", "check", "serve", "init", "new", "schema", "man"] {
            assert!(script.contains(command), "{shell}: {command}");
        }
    }
}

#[test]
fn man_pages_render() {
    let page = congkhai(&["man"]);
    assert!(page.contains(".TH congkhai 1"), "{page}");
    let dir = std::env::temp_dir().join(format!("congkhai-man-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    congkhai(&["man", "--dir", dir.to_str().unwrap()]);
    for name in [
        "congkhai.1",
        "congkhai-build.1",
        "congkhai-check.1",
        "congkhai-serve.1",
    ] {
        assert!(dir.join(name).is_file(), "{name}");
    }
    // groff, when the machine has it, renders the page without a warning.
    if let Ok(output) = Command::new("groff")
        .args(["-man", "-Tutf8", "-ww", "-z"])
        .arg(dir.join("congkhai-build.1"))
        .output()
    {
        assert!(output.status.success());
        assert!(
            output.stderr.is_empty(),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
    }
}
