//! The page's prose: the careful reader's note on placement and the documentation the deploy follows.

use super::*;

/// A careful reader's note on the worked example's Terraform, with its sources.
pub const PLACEMENT_NOTE: &str = "The worked example's service spreads its tasks with \
`placement_constraints { type = \"spread\" … }`. That is not valid: a placement constraint's type \
is memberOf or distinctInstance, and spread is a placement strategy (Terraform's \
ordered_placement_strategy). A Fargate service needs neither, and accepts neither: ECS spreads a \
Fargate service's tasks across its subnets' Availability Zones by itself. The lab keeps the worked \
example's design (tasks spread evenly over two AZs) and places them as Fargate does.";
pub const PLACEMENT_NOTE_SOURCES: [(&str, &str); 2] = [
    (
        "Amazon ECS task placement: Fargate tasks are spread across Availability Zones",
        "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task-placement.html",
    ),
    (
        "PlacementConstraint: type is distinctInstance or memberOf",
        "https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_PlacementConstraint.html",
    ),
];

/// What AWS documents about the rollout, and how the lab follows it.
pub const DOCUMENTED: [Documented; 7] = [
    Documented {
        says: "During a rolling update, the minimum healthy percent (rounded up) is the floor of \
tasks that must stay running and healthy, and the maximum percent (rounded down) the ceiling of \
tasks running or pending; ECS's defaults are 100 % and 200 %.",
        lab: "Each second ECS stops old tasks as far as the floor allows and starts new ones as \
far as the ceiling allows.",
        source: "ECS DeploymentConfiguration",
        url: "https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_DeploymentConfiguration.html",
    },
    Documented {
        says: "After a target is registered it must pass one health check to be healthy. The \
healthy threshold is the run of passing checks an unhealthy target needs to be put back.",
        lab: "A new task takes traffic after its first check, which the lab puts a whole interval \
after registration (AWS gives the interval, not the first check's moment).",
        source: "Health checks for Application Load Balancer target groups",
        url: photoshare::HEALTH_CHECK_SOURCE,
    },
    Documented {
        says: "No response within the timeout is a failed check; the unhealthy threshold of \
failures in a row takes a target out of service.",
        lab: "Each task's checks run every interval from its registration; one that starts as or \
after the task stops answering fails at its timeout. So a dead task is out (unhealthy − 1) × \
interval + timeout after it dies if a check starts then, up to unhealthy × interval + timeout. A \
bad build hangs on /healthz, so its checks time out too.",
        source: "Health checks for Application Load Balancer target groups",
        url: photoshare::HEALTH_CHECK_SOURCE,
    },
    Documented {
        says: "When every registered target is unhealthy the load balancer fails open: it sends \
requests to all of them.",
        lab: "With no healthy target left the ALB routes to every registered one, broken or not.",
        source: "Health checks for Application Load Balancer target groups",
        url: photoshare::HEALTH_CHECK_SOURCE,
    },
    Documented {
        says: "A deregistered target drains in-flight requests for the deregistration delay, \
300 s by default (0–3600 s).",
        lab: "An old task gets no new request once deregistered and stops when the delay ends.",
        source: "Target groups: deregistration delay",
        url: "https://docs.aws.amazon.com/elasticloadbalancing/latest/application/load-balancer-target-groups.html#deregistration-delay",
    },
    Documented {
        says: "The deployment circuit breaker fails a deployment after 0.5 × the desired count \
of failed tasks, at least 3 and at most 200, and can roll it back.",
        lab: "Half the desired count, rounded up, within 3–200; rollback stops the new tasks \
that never took traffic.",
        source: "ServiceDeploymentCircuitBreaker",
        url: "https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ServiceDeploymentCircuitBreaker.html",
    },
    Documented {
        says: "aws ecs wait services-stable polls every 15 seconds and fails after 40 checks.",
        lab: "The pipeline's wait succeeds at the first check after the deployment is stable.",
        source: "AWS CLI: ecs wait services-stable",
        url: "https://docs.aws.amazon.com/cli/latest/reference/ecs/wait/services-stable.html",
    },
];
