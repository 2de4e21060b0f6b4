//! Progress on standard error: long work shows a spinner after one second, which becomes a bar
//! while the core reports how far it is (the candidate graph's build, the group search).
//! Nothing with `--json`, nothing when standard error is not a terminal.

use std::io::IsTerminal;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Mutex, PoisonError};
use std::time::Duration;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use samman::Session;
use samman::progress::{Progress, Step};

/// Set by `--json`: nothing but the JSON is written.
static QUIET: AtomicBool = AtomicBool::new(false);
/// The display of the work running now, which the session's hook moves.
static CURRENT: Mutex<Option<Display>> = Mutex::new(None);

/// A spinner or bar, and what it says.
struct Display {
    bar: ProgressBar,
    /// The work's own words, shown while no step is reported.
    message: String,
    /// The step the bar shows, if any.
    step: Option<Step>,
}

/// Set once, before any work: whether `--json` was given.
pub fn configure(json: bool) {
    QUIET.store(json, Ordering::Relaxed);
}

/// Whether progress may be drawn.
fn shown() -> bool {
    !QUIET.load(Ordering::Relaxed) && std::io::stderr().is_terminal()
}

fn words(id: &str) -> String {
    crate::messages().get(id)
}

/// The session, reporting its progress to the display when progress is drawn at all.
pub fn watch(session: Session) -> Session {
    if shown() {
        session.with_progress(report)
    } else {
        session
    }
}

fn spinner_style() -> ProgressStyle {
    ProgressStyle::with_template("{spinner} {msg} {elapsed}").expect("a valid template")
}

fn bar_style() -> ProgressStyle {
    ProgressStyle::with_template("{msg} [{bar:30}] {percent}% {elapsed}")
        .expect("a valid template")
        .progress_chars("=> ")
}

/// The session's hook: a step's progress moves the bar; a step done gives the spinner back.
fn report(progress: Progress) {
    let mut current = CURRENT.lock().unwrap_or_else(PoisonError::into_inner);
    let Some(display) = current.as_mut() else {
        return;
    };
    let bar = &display.bar;
    if progress.done >= progress.total {
        if display.step.take().is_some() {
            bar.set_style(spinner_style());
            bar.set_message(display.message.clone());
        }
        return;
    }
    if display.step != Some(progress.step) {
        display.step = Some(progress.step);
        bar.set_style(bar_style());
        bar.set_message(words(match progress.step {
            Step::Graph => "progress-graph",
            Step::Search => "progress-search",
        }));
    }
    bar.set_length(progress.total);
    bar.set_position(progress.done);
}

/// Run `work` with progress on standard error (see the module), which appears only if it
/// takes over a second; `message` is the Fluent id of what the work is.
pub fn with_spinner<T>(message: &str, work: impl FnOnce() -> T) -> T {
    if !shown() {
        return work();
    }
    let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::hidden());
    bar.set_style(spinner_style());
    let message = words(message);
    bar.set_message(message.clone());
    *CURRENT.lock().unwrap_or_else(PoisonError::into_inner) = Some(Display {
        bar: bar.clone(),
        message,
        step: None,
    });
    let (done, wait) = std::sync::mpsc::channel::<()>();
    let result = std::thread::scope(|scope| {
        let bar = &bar;
        scope.spawn(move || {
            if wait.recv_timeout(Duration::from_secs(1)).is_err() {
                bar.set_draw_target(ProgressDrawTarget::stderr());
                bar.enable_steady_tick(Duration::from_millis(100));
                let _ = wait.recv();
            }
        });
        let result = work();
        drop(done);
        result
    });
    *CURRENT.lock().unwrap_or_else(PoisonError::into_inner) = None;
    bar.finish_and_clear();
    result
}

#[cfg(test)]
mod tests {
    /// Every id given to `with_spinner` has words in both languages.
    #[test]
    fn every_work_has_words() {
        let sources = [
            include_str!("main.rs"),
            include_str!("eval.rs"),
            include_str!("recurring.rs"),
        ];
        let mut ids: Vec<&str> = sources
            .iter()
            .flat_map(|s| s.split("with_spinner(\"").skip(1))
            .filter_map(|rest| rest.split('"').next())
            .collect();
        ids.extend(["progress-graph", "progress-search"]);
        assert!(ids.len() > 6, "{ids:?}");
        for lang in [samman::i18n::Lang::En, samman::i18n::Lang::Sv] {
            let messages = samman::i18n::Messages::new(lang);
            for id in &ids {
                assert!(messages.has(id), "{lang}: {id}");
            }
        }
    }
}
