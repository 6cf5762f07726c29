//! The real binary in a real pseudo-terminal: open an article with annotations, review two
//! claims with the keyboard, save, quit, and read the saved file. Skips when no pty can be
//! opened (some CI sandboxes).

use std::io::{Read, Write};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use gloss::article::load;
use gloss::model::Status;
use gloss::tui::fixture;
use portable_pty::{CommandBuilder, PtySize, native_pty_system};

/// Waits until the screen output contains `needle`.
fn wait_for(output: &Arc<Mutex<Vec<u8>>>, needle: &str, timeout: Duration) -> bool {
    let start = Instant::now();
    while start.elapsed() < timeout {
        if let Ok(bytes) = output.lock()
            && String::from_utf8_lossy(&bytes).contains(needle)
        {
            return true;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    false
}

#[test]
fn review_save_and_quit_in_a_real_terminal() {
    let dir = tempfile::tempdir().expect("dir");
    let annotations = dir.path().join("annotations");
    let text = include_str!("../seeds/000_a00d91becb0c72f2.txt");
    let article_path = dir.path().join("article.txt");
    std::fs::write(&article_path, text).expect("article");
    let article = load::from_txt("article", &article_path.display().to_string(), text);
    let file = gloss::store::path_for(&annotations, "article");
    let doc = fixture::sample_document(&article);
    gloss::store::save(&file, &doc).expect("fixture annotations");

    let pty = native_pty_system();
    let pair = match pty.openpty(PtySize {
        rows: 40,
        cols: 120,
        pixel_width: 0,
        pixel_height: 0,
    }) {
        Ok(pair) => pair,
        Err(e) => {
            eprintln!("skipped: no pseudo-terminal ({e})");
            return;
        }
    };
    let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_gloss"));
    cmd.arg(&article_path);
    cmd.arg("--annotations");
    cmd.arg(&annotations);
    cmd.cwd(dir.path());
    cmd.env("TERM", "xterm-256color");
    // Keep the user's config (keymap) out of the test.
    cmd.env("XDG_CONFIG_HOME", dir.path().join("config"));
    cmd.env("HOME", dir.path());
    let mut child = pair.slave.spawn_command(cmd).expect("spawn gloss");
    drop(pair.slave);

    let output = Arc::new(Mutex::new(Vec::new()));
    let mut reader = pair.master.try_clone_reader().expect("reader");
    let sink = output.clone();
    std::thread::spawn(move || {
        let mut buf = [0u8; 8192];
        while let Ok(n) = reader.read(&mut buf) {
            if n == 0 {
                break;
            }
            if let Ok(mut out) = sink.lock() {
                out.extend_from_slice(&buf[..n]);
            }
        }
    });
    let mut keys = pair.master.take_writer().expect("writer");
    // "reviewed/total" appears once the annotations are open (the status bar says "opening…"
    // before, and keys pressed then have nothing to act on). The terminal gets only the cells
    // that changed, so the total is looked for alone.
    let reviewable = format!(
        "/{}",
        doc.actors.len() + doc.claims.len() + doc.stances.len()
    );
    assert!(
        wait_for(&output, &reviewable, Duration::from_secs(20)),
        "the screen never came up: {}",
        String::from_utf8_lossy(&output.lock().expect("output"))
    );
    let mut press = |bytes: &[u8]| {
        keys.write_all(bytes).expect("key");
        keys.flush().expect("flush");
        std::thread::sleep(Duration::from_millis(150));
    };
    // The claims list has focus: accept c1 (moves on to c2), reject c2, save, quit.
    press(b"a");
    press(b"x");
    press(b"\x13");
    assert!(wait_for(&output, "saved", Duration::from_secs(10)));
    press(b"q");

    let start = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait") {
            break status;
        }
        if start.elapsed() > Duration::from_secs(10) {
            let _ = child.kill();
            panic!("gloss did not quit");
        }
        std::thread::sleep(Duration::from_millis(50));
    };
    assert!(status.success(), "{status:?}");
    // The terminal was given back: the alternate screen left, mouse reporting off. The reader
    // thread may still be draining the pty on a busy machine: wait for it, not a fixed time.
    assert!(
        wait_for(&output, "\x1b[?1049l", Duration::from_secs(10)),
        "the alternate screen was not left"
    );
    assert!(
        wait_for(&output, "\x1b[?1000l", Duration::from_secs(10)),
        "mouse capture was not turned off"
    );

    let saved = gloss::store::load(&file).expect("saved annotations");
    assert_eq!(saved.claims[0].meta.status, Status::Accepted);
    assert_eq!(saved.claims[1].meta.status, Status::Rejected);
    assert!(
        saved.claims[2..]
            .iter()
            .all(|c| c.meta.status == Status::Auto)
    );
    assert!(!gloss::store::recovery_path(&file).exists());
}
