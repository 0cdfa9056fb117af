//! The lab's demos and PhotoShare's architecture, as data.
//!
//! [`DemoId`] names each demo; [`DEMOS`] describes them in the course's order. That one
//! list drives the navigation, the routes, the home page's links and the tests; each id
//! leads to its model ([`crate::demo::Demo`], through `DemoId::visit`) and to its view
//! (the `demos` crate's `page`), both by exhaustive `match`, so a demo without a model
//! or a view does not build.

/// A demo of the lab.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum DemoId {
    ServiceModels,
    VmVsContainer,
    IacDrift,
    RollingDeploy,
    Autoscaling,
    Availability,
    FailureDrill,
    Cost,
    CacheCdn,
    RateLimiting,
    Serverless,
    MultiRegion,
}

impl DemoId {
    /// Every demo, in the course's order (the order of [`DEMOS`]).
    pub const ALL: [DemoId; 12] = [
        DemoId::ServiceModels,
        DemoId::VmVsContainer,
        DemoId::IacDrift,
        DemoId::RollingDeploy,
        DemoId::Autoscaling,
        DemoId::Availability,
        DemoId::FailureDrill,
        DemoId::Cost,
        DemoId::CacheCdn,
        DemoId::RateLimiting,
        DemoId::Serverless,
        DemoId::MultiRegion,
    ];

    pub fn info(self) -> &'static DemoInfo {
        // `DEMOS` lists the demos in `ALL`'s order, one per variant (tested below).
        &DEMOS[self as usize]
    }

    /// The route's name: `availability` in `#/availability`.
    pub fn slug(self) -> &'static str {
        self.info().slug
    }

    /// The demo a route names, if the lab has it.
    pub fn from_slug(slug: &str) -> Option<DemoId> {
        DEMOS.iter().find(|d| d.slug == slug).map(|d| d.id)
    }
}

/// What a demo is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DemoInfo {
    pub id: DemoId,
    /// The route: `#/<slug>`.
    pub slug: &'static str,
    pub title: &'static str,
    /// One sentence on what the demo teaches.
    pub teaches: &'static str,
    /// The worked example's section the demo belongs to.
    pub section: &'static str,
}

pub const DEMOS: [DemoInfo; 12] = [
    DemoInfo {
        id: DemoId::ServiceModels,
        slug: "service-models",
        title: "Service models",
        teaches: "Who manages what in IaaS, containers, PaaS, FaaS and SaaS, and where PhotoShare's tiers sit on that line.",
        section: "§1 Requirements & architecture",
    },
    DemoInfo {
        id: DemoId::VmVsContainer,
        slug: "vm-vs-container",
        title: "VM vs container",
        teaches: "Why containers pack denser and start faster than VMs, and how a multi-stage build shrinks the image.",
        section: "§2 IaC, container & deploy",
    },
    DemoInfo {
        id: DemoId::IacDrift,
        slug: "iac-drift",
        title: "IaC drift",
        teaches: "How a terraform plan reveals changes clicked in a console, and how apply puts the declared state back.",
        section: "§2 IaC, container & deploy",
    },
    DemoInfo {
        id: DemoId::RollingDeploy,
        slug: "rolling-deploy",
        title: "Rolling deploy",
        teaches: "How a new task definition rolls out behind health checks, and why a bad build never serves users.",
        section: "§2 IaC, container & deploy",
    },
    DemoInfo {
        id: DemoId::Autoscaling,
        slug: "autoscaling",
        title: "Autoscaling loop",
        teaches: "Target tracking as a control loop: load arrives, the metric lags, tasks arrive late, and cooldowns trade cost against dropped users.",
        section: "§3 Scaling & reliability",
    },
    DemoInfo {
        id: DemoId::Availability,
        slug: "availability",
        title: "Availability & SLO",
        teaches: "How availabilities compose in series and in parallel, what an SLO allows, and how incidents burn the error budget.",
        section: "§3 Scaling & reliability",
    },
    DemoInfo {
        id: DemoId::FailureDrill,
        slug: "failure-drill",
        title: "Failure drill",
        teaches: "What fails when a task, a whole AZ or the primary database goes, how fast the health checks notice, how capacity re-forms, and how much of the month's error budget it costs.",
        section: "§3 Scaling & reliability",
    },
    DemoInfo {
        id: DemoId::Cost,
        slug: "cost",
        title: "Cost model",
        teaches: "PhotoShare's monthly bill line by line, and the pricing levers that cut it without changing the architecture.",
        section: "§4 FinOps cost model",
    },
    DemoInfo {
        id: DemoId::CacheCdn,
        slug: "cache-cdn",
        title: "Cache-aside & CDN offload",
        teaches: "How popularity, cache size and TTL set the hit ratio that sizes the origin, what readers pay in stale data, and what a cold cache does to the fleet.",
        section: "§6 Design patterns · §5 Consistency",
    },
    DemoInfo {
        id: DemoId::RateLimiting,
        slug: "rate-limiting",
        title: "Token-bucket rate limiting",
        teaches: "How a token bucket admits bursts and rates, and why a limiter at capacity — per client — protects the SLO while the autoscaler catches up.",
        section: "§6 Design patterns",
    },
    DemoInfo {
        id: DemoId::Serverless,
        slug: "serverless",
        title: "Serverless crossover",
        teaches: "Where pay-per-request functions beat an always-on container fleet, and where they stop doing so.",
        section: "§7 B Serverless variant",
    },
    DemoInfo {
        id: DemoId::MultiRegion,
        slug: "multi-region",
        title: "Multi-region failover",
        teaches: "What DNS health-check failover takes (RTO), what asynchronous replication loses (RPO), and what a warm standby region buys toward 99.99 % and costs.",
        section: "§7 A Multi-region active-passive",
    },
];

/// A part of PhotoShare's architecture drawn on the home page.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ArchitecturePart {
    pub name: &'static str,
    pub role: &'static str,
    /// The demos about this part.
    pub demos: &'static [DemoId],
}

/// The request path, top to bottom: CDN → ALB → app tier → data tier.
pub const ARCHITECTURE: [ArchitecturePart; 4] = [
    ArchitecturePart {
        name: "CDN",
        role: "Serves 92 % of reads from the edge.",
        demos: &[
            DemoId::Autoscaling,
            DemoId::Cost,
            DemoId::Availability,
            DemoId::CacheCdn,
        ],
    },
    ArchitecturePart {
        name: "Load balancer",
        role: "Spreads requests over healthy tasks in both AZs.",
        demos: &[
            DemoId::Availability,
            DemoId::Autoscaling,
            DemoId::IacDrift,
            DemoId::RollingDeploy,
            DemoId::RateLimiting,
        ],
    },
    ArchitecturePart {
        name: "App tier",
        role: "Stateless containers, 2–20 tasks, scaled on CPU.",
        demos: &[
            DemoId::Autoscaling,
            DemoId::VmVsContainer,
            DemoId::ServiceModels,
            DemoId::Serverless,
            DemoId::RollingDeploy,
            DemoId::FailureDrill,
        ],
    },
    ArchitecturePart {
        name: "Data tier",
        role: "Multi-AZ Postgres, Redis and S3, run by the provider.",
        demos: &[
            DemoId::Availability,
            DemoId::Cost,
            DemoId::ServiceModels,
            DemoId::CacheCdn,
            DemoId::MultiRegion,
            DemoId::FailureDrill,
        ],
    },
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn demos_lists_each_id_once_in_the_order_of_all() {
        assert_eq!(DEMOS.map(|d| d.id), DemoId::ALL);
        for (i, id) in DemoId::ALL.into_iter().enumerate() {
            assert_eq!(id as usize, i);
            assert_eq!(DemoId::from_slug(id.slug()), Some(id));
            assert!(DEMOS[i + 1..].iter().all(|e| e.slug != id.slug()), "{id:?}");
        }
        assert_eq!(DemoId::from_slug("no-such-demo"), None);
    }

    #[test]
    fn every_demo_is_reachable_from_the_architecture() {
        let reachable = |id: DemoId| ARCHITECTURE.iter().any(|p| p.demos.contains(&id));
        for id in DemoId::ALL {
            assert!(reachable(id), "{id:?} not linked from the home page");
        }
    }
}
