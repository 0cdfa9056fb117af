//! The tasks themselves: launches that serve only after start-up and the first health check,
//! and what the fleet served and cost.

use super::*;

/// `x` within [min, max]; unlike `clamp`, never panics when min > max (max wins).
pub(super) fn bounded(x: u32, min: u32, max: u32) -> u32 {
    x.max(min).min(max)
}

/// A task's way into service, the same for every task: running (and registered) after
/// provisioning, in service after its first passing check.
#[derive(Clone, Copy)]
pub(super) struct Startup {
    pub(super) running_s: u32,
    pub(super) in_service_s: u32,
}

/// Tasks launched together.
#[derive(Clone, Copy)]
pub(super) struct Launch {
    pub(super) running_at: u32,
    pub(super) in_service_at: u32,
    pub(super) count: u32,
    /// Already counted in [`Fleet::running`].
    pub(super) running: bool,
}

impl Launch {
    /// When [`Fleet::promote`] next has something to do with it.
    fn due_s(&self) -> u32 {
        if self.running {
            self.in_service_at
        } else {
            self.running_at.min(self.in_service_at)
        }
    }
}

/// Desired, running and in-service tasks.
pub(super) struct Fleet {
    pub(super) desired: u32,
    /// Past their first health check: the load balancer sends them requests.
    pub(super) in_service: u32,
    /// Containers running, in service or still waiting for their check: what ECS's CPU metric averages.
    pub(super) running: u32,
    /// Launched, not yet in service, oldest first.
    pub(super) starting: VecDeque<Launch>,
    /// No launch moves on before this second: a run calls [`Fleet::promote`] every second,
    /// and most seconds nothing is due.
    next_due_s: u32,
}

impl Fleet {
    pub(super) fn new(tasks: u32) -> Fleet {
        Fleet {
            desired: tasks,
            in_service: tasks,
            running: tasks,
            starting: VecDeque::new(),
            next_due_s: u32::MAX,
        }
    }

    pub(super) fn set_desired(&mut self, to: u32, t_s: u32, startup: Startup) {
        if to > self.desired {
            let launch = Launch {
                running_at: t_s.saturating_add(startup.running_s),
                in_service_at: t_s.saturating_add(startup.in_service_s),
                count: to - self.desired,
                running: false,
            };
            self.next_due_s = self.next_due_s.min(launch.due_s());
            self.starting.push_back(launch);
        } else {
            // Cancel tasks still starting first, newest first; then stop tasks in service.
            let mut remove = self.desired - to;
            while remove > 0 {
                match self.starting.back_mut() {
                    Some(launch) => {
                        let n = launch.count.min(remove);
                        launch.count -= n;
                        remove -= n;
                        if launch.running {
                            self.running = self.running.saturating_sub(n);
                        }
                        if launch.count == 0 {
                            self.starting.pop_back();
                        }
                    }
                    None => {
                        self.in_service = self.in_service.saturating_sub(remove);
                        self.running = self.running.saturating_sub(remove);
                        remove = 0;
                    }
                }
            }
        }
        self.desired = to;
    }

    pub(super) fn promote(&mut self, t_s: u32) {
        if t_s < self.next_due_s {
            return;
        }
        for launch in self.starting.iter_mut() {
            if !launch.running && launch.running_at <= t_s {
                launch.running = true;
                self.running += launch.count;
            }
        }
        while let Some(&launch) = self.starting.front() {
            if launch.in_service_at > t_s {
                break;
            }
            self.in_service += launch.count;
            self.starting.pop_front();
        }
        self.next_due_s = self
            .starting
            .iter()
            .map(Launch::due_s)
            .min()
            .unwrap_or(u32::MAX);
    }
}

/// Sums over the seconds of an interval: a metric datapoint, an HPA sync or a series point.
#[derive(Clone, Copy, Default)]
pub(super) struct Sums {
    pub(super) served: f64,
    pub(super) dropped: f64,
    /// Task-seconds in service.
    pub(super) in_service: u64,
    /// Task-seconds running, in service or not.
    pub(super) running: u64,
}

impl Sums {
    pub(super) fn merge(&mut self, s: &Sums) {
        self.served += s.served;
        self.dropped += s.dropped;
        self.in_service += s.in_service;
        self.running += s.running;
    }

    /// Average CPU of the tasks in service.
    pub(super) fn cpu(&self, capacity_per_task_per_s: f64) -> f64 {
        average_cpu(self.served, self.in_service, capacity_per_task_per_s)
    }

    /// Average CPU of every running task: ECSServiceAverageCPUUtilization.
    pub(super) fn ecs_cpu(&self, capacity_per_task_per_s: f64) -> f64 {
        average_cpu(self.served, self.running, capacity_per_task_per_s)
    }

    /// The CPU the policy's scaler sees.
    pub(super) fn policy_cpu(&self, policy: Policy, capacity_per_task_per_s: f64) -> f64 {
        match policy {
            Policy::TargetTracking => self.ecs_cpu(capacity_per_task_per_s),
            Policy::Hpa | Policy::Fixed => self.cpu(capacity_per_task_per_s),
        }
    }
}

pub(super) fn average_cpu(served: f64, task_seconds: u64, capacity_per_task_per_s: f64) -> f64 {
    let capacity = task_seconds as f64 * capacity_per_task_per_s;
    if capacity > 0.0 {
        served / capacity
    } else {
        0.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cancelling_a_scale_out_removes_starting_tasks_first() {
        let startup = Startup {
            running_s: 45,
            in_service_s: 60,
        };
        let mut fleet = Fleet::new(2);
        fleet.set_desired(5, 0, startup);
        fleet.set_desired(3, 10, startup);
        assert_eq!((fleet.desired, fleet.in_service, fleet.running), (3, 2, 2));
        fleet.promote(45);
        assert_eq!(
            (fleet.in_service, fleet.running),
            (2, 3),
            "running, not yet checked"
        );
        fleet.promote(60);
        assert_eq!((fleet.in_service, fleet.running), (3, 3));
        fleet.set_desired(1, 70, startup);
        assert_eq!((fleet.in_service, fleet.running), (1, 1));
        fleet.set_desired(4, 80, startup);
        fleet.promote(125);
        fleet.set_desired(2, 130, startup);
        assert_eq!(
            (fleet.in_service, fleet.running),
            (1, 2),
            "a running starter is cancelled"
        );
    }
}
