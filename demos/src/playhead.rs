//! An animation playhead over a computed run: how much of the run is shown, and a timer
//! that moves it while playing. The run itself is computed once by the model; the playhead
//! only chooses how much of it the page shows, and is neither in the params nor the link.
//!
//! The timer is started by `play` (an event handler) and stopped by `pause`, by reaching the
//! end, and by `on_cleanup` when the demo is left: it never outlives its page.

use gloo_timers::callback::Interval;
use leptos::prelude::*;
use send_wrapper::SendWrapper;

/// What the playhead does at the end of the run.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AtEnd {
    /// Stop and show the whole run (an animation that replays a computed run).
    ShowAll,
    /// Stop on the last second (a drill whose moment stays selectable).
    Hold,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PlayheadOptions {
    /// Real milliseconds between two moves.
    pub tick_ms: u32,
    /// Run seconds a real second, at the start; `Playhead::speed` changes it.
    pub speed: u32,
    pub at_end: AtEnd,
}

impl Default for PlayheadOptions {
    /// 20 moves a second, five minutes of the run a second, the whole run shown at the end.
    fn default() -> Self {
        PlayheadOptions {
            tick_ms: 50,
            speed: 300,
            at_end: AtEnd::ShowAll,
        }
    }
}

/// The playhead of a run that lasts `end_s` seconds.
#[derive(Clone, Copy)]
pub struct Playhead {
    /// Seconds into the run shown; `None` shows the whole run.
    pub at_s: RwSignal<Option<u32>>,
    /// Run seconds a real second.
    pub speed: RwSignal<u32>,
    playing: RwSignal<bool>,
    end_s: Signal<u32>,
    options: PlayheadOptions,
    timer: StoredValue<Option<SendWrapper<Interval>>>,
}

/// A playhead with the default options: see [`PlayheadOptions::default`].
pub fn use_playhead(end_s: Signal<u32>) -> Playhead {
    use_playhead_with_options(end_s, PlayheadOptions::default())
}

pub fn use_playhead_with_options(end_s: Signal<u32>, options: PlayheadOptions) -> Playhead {
    let playhead = Playhead {
        at_s: RwSignal::new(None),
        speed: RwSignal::new(options.speed),
        playing: RwSignal::new(false),
        end_s,
        options,
        timer: StoredValue::new(None),
    };
    on_cleanup(move || {
        playhead.timer.try_update_value(|t| *t = None);
    });
    playhead
}

impl Playhead {
    pub fn playing(self) -> bool {
        self.playing.get()
    }

    /// The second shown: where the playhead is, or the end while the whole run shows.
    pub fn position_s(self) -> u32 {
        self.at_s.get().unwrap_or_else(|| self.end_s.get())
    }

    /// Whether a point at `t_s` is shown.
    pub fn shows(self, t_s: u32) -> bool {
        self.at_s.get().is_none_or(|at| t_s <= at)
    }

    /// Plays from where it is, or from the start when the whole run (or its end) shows.
    pub fn play(self) {
        let end = self.end_s.get_untracked();
        if self.at_s.get_untracked().is_none_or(|at| at >= end) {
            self.at_s.set(Some(0));
        }
        self.playing.set(true);
        let interval = Interval::new(self.options.tick_ms, move || self.tick());
        self.timer.set_value(Some(SendWrapper::new(interval)));
    }

    pub fn pause(self) {
        self.playing.set(false);
        self.timer.set_value(None);
    }

    pub fn toggle(self) {
        if self.playing.get_untracked() {
            self.pause()
        } else {
            self.play()
        }
    }

    /// Moves `by_s` seconds on, paused (a "step" button).
    pub fn step(self, by_s: u32) {
        self.pause();
        self.advance(by_s);
    }

    /// Shows the run up to `t_s` (a time slider), paused.
    pub fn seek(self, t_s: u32) {
        self.pause();
        self.at_s.set(Some(t_s.min(self.end_s.get_untracked())));
    }

    /// Shows the whole run, paused.
    pub fn to_end(self) {
        self.pause();
        self.at_s.set(None);
    }

    fn tick(self) {
        let by = self
            .speed
            .get_untracked()
            .saturating_mul(self.options.tick_ms)
            / 1_000;
        self.advance(by.max(1));
    }

    fn advance(self, by_s: u32) {
        let end = self.end_s.get_untracked();
        let (at, still_playing) =
            advanced(self.at_s.get_untracked(), by_s, end, self.options.at_end);
        if !still_playing && self.playing.get_untracked() {
            self.pause();
        }
        self.at_s.set(at);
    }
}

/// Where the playhead goes from `at` when moved `by_s` on a run ending at `end_s`, and
/// whether it may keep playing.
fn advanced(at: Option<u32>, by_s: u32, end_s: u32, at_end: AtEnd) -> (Option<u32>, bool) {
    let next = at.map_or(0, |t| t.saturating_add(by_s));
    if next < end_s {
        (Some(next), true)
    } else {
        match at_end {
            AtEnd::ShowAll => (None, false),
            AtEnd::Hold => (Some(end_s), false),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_playhead_moves_on_and_stops_at_the_end() {
        assert_eq!(advanced(None, 60, 600, AtEnd::ShowAll), (Some(0), true));
        assert_eq!(advanced(Some(0), 60, 600, AtEnd::ShowAll), (Some(60), true));
        assert_eq!(advanced(Some(590), 60, 600, AtEnd::ShowAll), (None, false));
        assert_eq!(
            advanced(Some(590), 60, 600, AtEnd::Hold),
            (Some(600), false)
        );
        assert_eq!(
            advanced(Some(u32::MAX), 60, 600, AtEnd::Hold),
            (Some(600), false)
        );
    }
}
