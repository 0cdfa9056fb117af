//! A month's bills, exactly: the functions' per request and GB-second, the fleet's per hour.

use super::*;

/// Share of invocations that start cold, for Poisson arrivals at `rate_per_s`
/// reaching one environment that serves one request at a time and is kept
/// `keep_alive_s` after its last request: a request is cold exactly when no
/// request came in the window before it, which has probability e^(−λT).
///
/// The model sends all traffic to one environment, which is right while
/// rate × duration ≪ 1. At higher rates Lambda runs several environments and
/// scale-out adds cold starts this formula does not count, but by then λT is
/// so large that the share it gives is ≈ 0 anyway.
pub fn cold_start_share(rate_per_s: f64, keep_alive_s: f64) -> f64 {
    (-rate_per_s * keep_alive_s).exp()
}

/// The functions' monthly bill for a number of requests.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct FunctionsBill {
    pub requests_per_month: u64,
    /// Share of requests that start cold, 0–1.
    pub cold_share: f64,
    /// requests × cold share, to the whole invocation.
    pub cold_starts: u64,
    /// Billed GB-seconds before the free tier: whole milliseconds (plus init when
    /// billed) × whole MB ÷ 1,024,000, exactly.
    pub gb_s: Decimal,
    /// Lambda's per-request charge, after the free tier.
    pub requests_usd: Usd,
    /// The API gateway's per-request charge.
    pub gateway_usd: Usd,
    /// GB-seconds × price, after the free tier.
    pub compute_usd: Usd,
    /// The sum of the three charges.
    pub total_usd: Usd,
}

/// The fleet's monthly bill for a number of requests.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct FleetBill {
    /// max(floor, ⌈requests ÷ what one task serves in the month⌉).
    pub tasks: u32,
    /// tasks × task-hour price × hours, rounded half a cent up.
    pub tasks_usd: Usd,
    pub fixed_usd: Usd,
    pub total_usd: Usd,
}

/// A month's prices and meters, worked out once from the params, exactly.
#[derive(Clone, Debug)]
pub struct Pricing {
    pub(super) seconds: Decimal,
    seconds_f64: f64,
    keep_alive_s: f64,
    billed_ms: Decimal,
    billed_init_ms: Decimal,
    memory_mb: Decimal,
    free_requests: Decimal,
    /// The free GB-seconds as MB-milliseconds.
    free_mb_ms: Decimal,
    gb_s_usd: Decimal,
    request_per_million_usd: Decimal,
    gateway_per_million_usd: Decimal,
    pub(super) floor_tasks: u32,
    /// Requests one task serves in the month.
    task_month_requests: Decimal,
    /// One task for the month: (vCPU × price + GB × price) × hours.
    task_month_usd: Decimal,
    fixed_usd: Usd,
}

/// GB-seconds in an MB-millisecond: 1 ÷ (1,024 × 1,000), a finite decimal.
const GB_S_PER_MB_MS: Decimal = Decimal::lit("0.0000009765625");
/// MB-milliseconds in a GB-second.
const MB_MS_PER_GB_S: Decimal = Decimal::whole(1_024_000);

impl Pricing {
    /// `None` when the numbers do not fit exact arithmetic.
    pub fn new(p: &ServerlessParams) -> Option<Pricing> {
        let exact = Decimal::from_f64;
        let hours = exact(p.hours_per_month)?;
        let seconds = hours.checked_mul(Decimal::whole(3_600))?;
        let ceil_ms = |ms: f64| exact(ms.ceil());
        let (free_requests, free_gb_s) = if p.free_tier {
            (
                exact(p.prices.free_requests_per_month)?,
                exact(p.prices.free_gb_s_per_month)?,
            )
        } else {
            (Decimal::ZERO, Decimal::ZERO)
        };
        let f = &p.fleet;
        let task_hour = exact(f.task_vcpu)?
            .checked_mul(f.vcpu_hour_usd)?
            .checked_add(exact(f.task_memory_gb)?.checked_mul(f.gb_hour_usd)?)?;
        Some(Pricing {
            seconds_f64: seconds.to_f64(),
            seconds,
            keep_alive_s: p.keep_alive_s,
            billed_ms: ceil_ms(p.duration_ms)?,
            billed_init_ms: if p.bill_init {
                ceil_ms(p.init_ms)?
            } else {
                Decimal::ZERO
            },
            memory_mb: Decimal::whole(i128::from(p.memory_mb)),
            free_requests,
            free_mb_ms: free_gb_s.checked_mul(MB_MS_PER_GB_S)?,
            gb_s_usd: match p.arch {
                Arch::X86 => p.prices.gb_s_x86_usd,
                Arch::Arm => p.prices.gb_s_arm_usd,
            },
            request_per_million_usd: p.prices.requests_per_million_usd,
            gateway_per_million_usd: match p.front_door {
                FrontDoor::HttpApi => p.prices.http_api_per_million_usd,
                FrontDoor::RestApi => p.prices.rest_api_per_million_usd,
                FrontDoor::Event => Decimal::ZERO,
            },
            floor_tasks: f.floor_tasks,
            task_month_requests: exact(f.task_capacity_per_s)?.checked_mul(seconds)?,
            task_month_usd: task_hour.checked_mul(hours)?,
            fixed_usd: f.fixed_month_usd.cents()?,
        })
    }

    /// Requests in a month at an average rate, to the whole request.
    pub fn requests_at(&self, rate_per_s: f64) -> Option<u64> {
        Decimal::from_f64(rate_per_s)?
            .checked_mul(self.seconds)?
            .round_whole()
            .and_then(|r| u64::try_from(r).ok())
    }

    /// The average rate of a month's requests, for the page and the charts.
    pub fn rate_of(&self, requests: u64) -> f64 {
        requests as f64 / self.seconds_f64
    }

    pub fn functions(&self, requests: u64) -> Option<FunctionsBill> {
        let cold_share = cold_start_share(self.rate_of(requests), self.keep_alive_s);
        // Expected cold starts, to the whole invocation (f64 is exact far beyond the demo's 10¹¹ requests).
        let cold_starts = (requests as f64 * cold_share).round() as u64;
        let r = Decimal::whole(i128::from(requests));
        let mb_ms = r
            .checked_mul(self.billed_ms)?
            .checked_add(Decimal::whole(i128::from(cold_starts)).checked_mul(self.billed_init_ms)?)?
            .checked_mul(self.memory_mb)?;
        let requests_usd = r
            .checked_sub(self.free_requests)?
            .at_least_zero()
            .checked_mul(self.request_per_million_usd)?
            .cents_over(1_000_000)?;
        let gateway_usd = r
            .checked_mul(self.gateway_per_million_usd)?
            .cents_over(1_000_000)?;
        let compute_usd = mb_ms
            .checked_sub(self.free_mb_ms)?
            .at_least_zero()
            .checked_mul(self.gb_s_usd)?
            .cents_over(1_024_000)?;
        Some(FunctionsBill {
            requests_per_month: requests,
            cold_share,
            cold_starts,
            gb_s: mb_ms.checked_mul(GB_S_PER_MB_MS)?,
            requests_usd,
            gateway_usd,
            compute_usd,
            total_usd: requests_usd + gateway_usd + compute_usd,
        })
    }

    /// Tasks the fleet runs for a month's requests.
    pub fn tasks_for(&self, requests: u64) -> Option<u32> {
        let needed = Decimal::whole(i128::from(requests)).div_ceil(self.task_month_requests)?;
        Some(u32::try_from(needed).ok()?.max(self.floor_tasks))
    }

    pub fn fleet(&self, requests: u64) -> Option<FleetBill> {
        self.fleet_of(self.tasks_for(requests)?)
    }

    pub(super) fn fleet_of(&self, tasks: u32) -> Option<FleetBill> {
        let tasks_usd = Decimal::whole(i128::from(tasks))
            .checked_mul(self.task_month_usd)?
            .cents()?;
        Some(FleetBill {
            tasks,
            tasks_usd,
            fixed_usd: self.fixed_usd,
            total_usd: tasks_usd + self.fixed_usd,
        })
    }

    /// The most requests `tasks` tasks serve in a month: ⌊tasks × one task's month⌋.
    pub(super) fn step_top(&self, tasks: u32) -> Option<u64> {
        let top = Decimal::whole(i128::from(tasks))
            .checked_mul(self.task_month_requests)?
            .div_floor(Decimal::ONE)?;
        u64::try_from(top).ok()
    }
}
