//! The lab's demos and PhotoShare's architecture, as data.
//!
//! One list drives the navigation, the routes, the home page's links and the
//! browser tests; the `demos` crate pairs each id with its view.

/// A demo of the lab.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DemoInfo {
    /// The route: `#/<id>`.
    pub id: &'static str,
    pub title: &'static str,
    /// One sentence on what the demo teaches.
    pub teaches: &'static str,
    /// The worked example's section the demo belongs to.
    pub section: &'static str,
}

pub const DEMOS: [DemoInfo; 12] = [
    DemoInfo {
        id: "service-models",
        title: "Service models",
        teaches: "Who manages what in IaaS, containers, PaaS, FaaS and SaaS, and where PhotoShare's tiers sit on that line.",
        section: "§1 Requirements & architecture",
    },
    DemoInfo {
        id: "vm-vs-container",
        title: "VM vs container",
        teaches: "Why containers pack denser and start faster than VMs, and how a multi-stage build shrinks the image.",
        section: "§2 IaC, container & deploy",
    },
    DemoInfo {
        id: "iac-drift",
        title: "IaC drift",
        teaches: "How a terraform plan reveals changes clicked in a console, and how apply puts the declared state back.",
        section: "§2 IaC, container & deploy",
    },
    DemoInfo {
        id: "rolling-deploy",
        title: "Rolling deploy",
        teaches: "How a new task definition rolls out behind health checks, and why a bad build never serves users.",
        section: "§2 IaC, container & deploy",
    },
    DemoInfo {
        id: "autoscaling",
        title: "Autoscaling loop",
        teaches: "Target tracking as a control loop: load arrives, the metric lags, tasks arrive late, and cooldowns trade cost against dropped users.",
        section: "§3 Scaling & reliability",
    },
    DemoInfo {
        id: "availability",
        title: "Availability & SLO",
        teaches: "How availabilities compose in series and in parallel, what an SLO allows, and how incidents burn the error budget.",
        section: "§3 Scaling & reliability",
    },
    DemoInfo {
        id: "failure-drill",
        title: "Failure drill",
        teaches: "What fails when a task, a whole AZ or the primary database goes, how fast the health checks notice, how capacity re-forms, and how much of the month's error budget it costs.",
        section: "§3 Scaling & reliability",
    },
    DemoInfo {
        id: "cost",
        title: "Cost model",
        teaches: "PhotoShare's monthly bill line by line, and the pricing levers that cut it without changing the architecture.",
        section: "§4 FinOps cost model",
    },
    DemoInfo {
        id: "cache-cdn",
        title: "Cache-aside & CDN offload",
        teaches: "How popularity, cache size and TTL set the hit ratio that sizes the origin, what readers pay in stale data, and what a cold cache does to the fleet.",
        section: "§6 Design patterns · §5 Consistency",
    },
    DemoInfo {
        id: "rate-limiting",
        title: "Token-bucket rate limiting",
        teaches: "How a token bucket admits bursts and rates, and why a limiter at capacity — per client — protects the SLO while the autoscaler catches up.",
        section: "§6 Design patterns",
    },
    DemoInfo {
        id: "serverless",
        title: "Serverless crossover",
        teaches: "Where pay-per-request functions beat an always-on container fleet, and where they stop doing so.",
        section: "§7 B Serverless variant",
    },
    DemoInfo {
        id: "multi-region",
        title: "Multi-region failover",
        teaches: "What DNS health-check failover takes (RTO), what asynchronous replication loses (RPO), and what a warm standby region buys toward 99.99 % and costs.",
        section: "§7 A Multi-region active-passive",
    },
];

pub fn demo(id: &str) -> Option<&'static DemoInfo> {
    DEMOS.iter().find(|d| d.id == id)
}

/// A part of PhotoShare's architecture drawn on the home page.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ArchitecturePart {
    pub name: &'static str,
    pub role: &'static str,
    /// Ids of the demos about this part.
    pub demos: &'static [&'static str],
}

/// The request path, top to bottom: CDN → ALB → app tier → data tier.
pub const ARCHITECTURE: [ArchitecturePart; 4] = [
    ArchitecturePart {
        name: "CDN",
        role: "Serves 92 % of reads from the edge.",
        demos: &["autoscaling", "cost", "availability", "cache-cdn"],
    },
    ArchitecturePart {
        name: "Load balancer",
        role: "Spreads requests over healthy tasks in both AZs.",
        demos: &[
            "availability",
            "autoscaling",
            "iac-drift",
            "rolling-deploy",
            "rate-limiting",
        ],
    },
    ArchitecturePart {
        name: "App tier",
        role: "Stateless containers, 2–20 tasks, scaled on CPU.",
        demos: &[
            "autoscaling",
            "vm-vs-container",
            "service-models",
            "serverless",
            "rolling-deploy",
            "failure-drill",
        ],
    },
    ArchitecturePart {
        name: "Data tier",
        role: "Multi-AZ Postgres, Redis and S3, run by the provider.",
        demos: &[
            "availability",
            "cost",
            "service-models",
            "cache-cdn",
            "multi-region",
            "failure-drill",
        ],
    },
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_unique_and_every_architecture_link_resolves() {
        for (i, d) in DEMOS.iter().enumerate() {
            assert!(
                DEMOS[i + 1..].iter().all(|e| e.id != d.id),
                "{} twice",
                d.id
            );
        }
        for part in ARCHITECTURE {
            for id in part.demos {
                assert!(
                    demo(id).is_some(),
                    "{} links to unknown demo {id}",
                    part.name
                );
            }
        }
    }

    #[test]
    fn every_demo_is_reachable_from_the_architecture() {
        let reachable = |id: &str| ARCHITECTURE.iter().any(|p| p.demos.contains(&id));
        for d in DEMOS {
            assert!(reachable(d.id), "{} not linked from the home page", d.id);
        }
    }
}
