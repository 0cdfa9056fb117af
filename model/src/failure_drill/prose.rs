//! The page's prose: how the drill models a failure and the documentation it follows.

use super::*;

/// How the drill counts, for the page.
pub const MODEL_NOTE: &str = "A failed task or AZ stops answering but stays registered until the \
health checks take it out. A task lost before it was running is stopped when it should have \
started. `/healthz` checks the app only, so a database outage fails requests without taking tasks \
out. Every request that reaches the app needs the database. Shares are of the requests that reach \
the app (CDN misses); the CDN keeps answering cached reads, so this is the pessimistic count the \
worked example uses for \"users affected\".";

/// What AWS documents about the failures this drill plays, and how the lab follows it.
pub const DOCUMENTED: [Documented; 4] = [
    Documented {
        says: "No response within the timeout is a failed check; the unhealthy threshold of \
failures in a row takes a target out of service. Until then the load balancer keeps routing to it.",
        lab: "A dead task keeps its even share of requests, which fail, until its checks (every \
interval from its registration) have timed out the threshold number of times: 35 to 50 s with \
PhotoShare's 15 s / 5 s / 3.",
        source: "Health checks for Application Load Balancer target groups",
        url: photoshare::HEALTH_CHECK_SOURCE,
    },
    Documented {
        says: "The service scheduler replaces a task that stops, or that a target-group health \
check finds unhealthy, to keep the desired count.",
        lab: "ECS launches the replacement when the load balancer takes the task out, in the live \
AZ with the fewest tasks. It serves after provisioning plus one passing check, a whole interval \
after it registers (a new target needs one check).",
        source: "Amazon ECS services",
        url: "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/ecs_services.html",
    },
    Documented {
        says: "A Multi-AZ DB instance fails over to its synchronous standby, typically in 60–120 \
seconds; longer with large transactions or a long recovery.",
        lab: "120 s without queries by default, the slow end, so a drill does not flatter the \
design; the new primary has no standby until RDS builds one.",
        source: "Amazon RDS Multi-AZ DB instance deployments",
        url: "https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/Concepts.MultiAZSingleStandby.html",
    },
    Documented {
        says: "ECSServiceAverageCPUUtilization averages the service's running tasks; target \
tracking's scale-out cooldown starts when the scale-out succeeds.",
        lab: "The drill's autoscaler is the autoscaling demo's target tracking, run on this \
drill's own provisioning and health check.",
        source: "Amazon ECS service utilization metrics",
        url: "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/service_utilization.html",
    },
];
