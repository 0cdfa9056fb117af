//! The state lock: two applies against one state file.

use super::config::Config;
use super::world::fnv;

/// Who holds the lock, as Terraform's "Lock Info" prints it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LockInfo {
    pub id: String,
    pub path: String,
    pub operation: String,
    pub who: String,
    pub version: String,
    pub created: String,
}

/// The lock row in the DynamoDB table: at most one holder.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct StateLock {
    pub holder: Option<LockInfo>,
}

impl StateLock {
    /// A conditional put: succeeds only if nobody holds the lock.
    pub fn acquire(&mut self, info: LockInfo) -> Result<(), Box<LockInfo>> {
        match &self.holder {
            Some(h) => Err(Box::new(h.clone())),
            None => {
                self.holder = Some(info);
                Ok(())
            }
        }
    }

    pub fn release(&mut self) {
        self.holder = None;
    }
}

/// Two people run `terraform apply` against the same state.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LockScenario {
    /// How long the first apply holds the lock, s.
    pub first_apply_s: u32,
    /// When the second apply starts, s after the first.
    pub second_starts_after_s: u32,
    /// The second apply's `-lock-timeout`, s (Terraform's default is 0: fail at once).
    pub lock_timeout_s: u32,
}

impl Default for LockScenario {
    fn default() -> Self {
        LockScenario {
            first_apply_s: 120,
            second_starts_after_s: 30,
            lock_timeout_s: 0,
        }
    }
}

/// Longest time the lock scenario accepts, s.
pub const MAX_LOCK_SCENARIO_S: u32 = 3_600;

/// How the second apply fared.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SecondApply {
    /// It got the lock, after waiting this long.
    Ran { waited_s: u32 },
    /// "Error acquiring the state lock", as Terraform prints it.
    Failed { error: String },
    /// No lock table: both applies wrote the state, and the last write won.
    RanUnlocked,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LockOutcome {
    /// (seconds from the first apply's start, who, what happened), in time order.
    pub log: Vec<(u32, String, String)>,
    pub second: SecondApply,
}

const FIRST: &str = "alice@laptop";
const SECOND: &str = "bob@ci-runner";

/// Plays two overlapping applies against the configuration's backend.
pub fn concurrent_applies(config: &Config, s: &LockScenario) -> LockOutcome {
    let first = s.first_apply_s.min(MAX_LOCK_SCENARIO_S);
    let start = s.second_starts_after_s.min(MAX_LOCK_SCENARIO_S);
    let timeout = s.lock_timeout_s.min(MAX_LOCK_SCENARIO_S);
    let backend = config.backend.clone().unwrap_or_default();
    let path = backend.state_path();
    let mut log = vec![(
        0,
        FIRST.to_string(),
        "terraform apply: Acquiring state lock. This may take a few moments...".to_string(),
    )];
    let Some(table) = backend.dynamodb_table.clone() else {
        log.push((
            start,
            SECOND.into(),
            "terraform apply: no lock table configured, so it starts at once.".into(),
        ));
        log.push((
            first.max(start),
            "state".into(),
            format!("Both applies wrote {path}; the last write won and the other run's changes are missing from the state."),
        ));
        return LockOutcome {
            log,
            second: SecondApply::RanUnlocked,
        };
    };
    let mut lock = StateLock::default();
    let info = |who: &str, minute: u32| LockInfo {
        id: format!(
            "{:08x}-{:04x}-{:04x}-{:04x}-{:012x}",
            fnv(who, 1) as u32,
            minute,
            0x4a1e,
            0x8c2d,
            fnv(&path, minute) & 0xffff_ffff_ffff
        ),
        path: path.clone(),
        operation: "OperationTypeApply".into(),
        who: who.into(),
        version: "1.6.6".into(),
        created: format!("2024-05-14 09:{:02}:00.000000000 +0000 UTC", minute % 60),
    };
    let alice = info(FIRST, 0);
    // The first apply's conditional put on an empty table cannot fail.
    let _ = lock.acquire(alice.clone());
    log.push((
        0,
        FIRST.into(),
        format!("Lock {} written to DynamoDB table {table}.", alice.id),
    ));
    let released_at = first;
    if start >= released_at {
        lock.release();
        log.push((
            released_at,
            FIRST.into(),
            "Apply complete; state written and lock released.".into(),
        ));
        let _ = lock.acquire(info(SECOND, start / 60));
        log.push((
            start,
            SECOND.into(),
            "Acquired the state lock and ran.".into(),
        ));
        return LockOutcome {
            log,
            second: SecondApply::Ran { waited_s: 0 },
        };
    }
    log.push((
        start,
        SECOND.into(),
        "terraform apply: Acquiring state lock. This may take a few moments...".into(),
    ));
    let holder = match lock.acquire(info(SECOND, start / 60)) {
        Err(holder) => *holder,
        Ok(()) => alice,
    };
    let wait = released_at - start;
    if timeout >= wait {
        lock.release();
        log.push((
            released_at,
            FIRST.into(),
            "Apply complete; state written and lock released.".into(),
        ));
        let _ = lock.acquire(info(SECOND, released_at / 60));
        log.push((
            released_at,
            SECOND.into(),
            format!("Acquired the state lock after waiting {wait} s, read the new state, and ran."),
        ));
        return LockOutcome {
            log,
            second: SecondApply::Ran { waited_s: wait },
        };
    }
    let error = lock_error(&holder);
    log.push((
        start.saturating_add(timeout),
        SECOND.into(),
        "Error acquiring the state lock.".into(),
    ));
    log.push((
        released_at,
        FIRST.into(),
        "Apply complete; state written and lock released.".into(),
    ));
    LockOutcome {
        log,
        second: SecondApply::Failed { error },
    }
}

/// Terraform's error box when the lock is held.
pub fn lock_error(holder: &LockInfo) -> String {
    let lines = [
        "Error: Error acquiring the state lock".to_string(),
        String::new(),
        "Error message: ConditionalCheckFailedException: The conditional request".to_string(),
        "failed".to_string(),
        "Lock Info:".to_string(),
        format!("  ID:        {}", holder.id),
        format!("  Path:      {}", holder.path),
        format!("  Operation: {}", holder.operation),
        format!("  Who:       {}", holder.who),
        format!("  Version:   {}", holder.version),
        format!("  Created:   {}", holder.created),
        "  Info:      ".to_string(),
        String::new(),
        String::new(),
        "Terraform acquires a state lock to protect the state from being written".to_string(),
        "by multiple users at the same time. Please resolve the issue above and try".to_string(),
        "again. For most commands, you can disable locking with the \"-lock=false\"".to_string(),
        "flag, but this is not recommended.".to_string(),
    ];
    let mut out = String::from("╷\n");
    for l in lines {
        out.push_str(format!("│ {l}").trim_end_matches(' '));
        out.push('\n');
    }
    out.push_str("╵\n");
    out
}
