//! The page's prose: how the model treats overload, the warm-up lesson, the documentation it
//! follows, and the careful reader's notes.

use super::*;

/// How the model treats a saturated fleet, for the page.
pub const OVERLOAD_MODEL: &str = "A task serves at most its capacity per second; CPU cannot go \
above 100 %. Requests beyond what the tasks in service can serve are dropped (the load balancer \
answers 503 or the client times out); nothing is queued for later. A minute with any dropped \
request counts as a bad minute.";

/// Why a fleet can overshoot, for the page: the lesson the worked example's settings teach.
pub const WARM_UP_NOTE: &str = "Warm-up matters. When a new task takes as long to serve as the \
scale-out cooldown lasts (60 s each in the worked example) or longer, the cooldown is over \
before the tasks just added have done any work: the next datapoint still shows the old tasks \
saturated, the scaler multiplies the already raised desired count by that CPU, and the fleet \
overshoots what the load needs. The slow scale-in then takes it back over many minutes. A longer \
scale-out cooldown, or tasks that start faster, avoid the overshoot; a larger minimum avoids \
the wait.";

/// What AWS and Kubernetes document about the mechanisms this demo models, and how it follows them.
pub const DOCUMENTED: [Documented; 6] = [
    Documented {
        says: "Target tracking adds capacity in proportion to how far the metric is above the \
target, and removes it more cautiously, only once the metric is clearly below. AWS does not \
publish the formula.",
        lab: "CPU averaged into one-minute datapoints; 3 in a row above the target ask for \
⌈desired count × CPU ÷ target⌉ tasks, again every minute the breach lasts. Scale-in follows the \
chosen rule (conservative: 15 datapoints 10 % below the target, half the spare tasks at a time). \
The count stays within [min, max].",
        source: "How target tracking scaling for Application Auto Scaling works",
        url: "https://docs.aws.amazon.com/autoscaling/application/userguide/target-tracking-scaling-policy-overview.html",
    },
    Documented {
        says: "The scale-out cooldown starts once a scale-out succeeds. Until it ends, the policy \
raises the desired capacity again only for a larger scale-out, and the capacity just added counts \
toward the next one.",
        lab: "The cooldown runs from the moment the desired count is raised, not from when the \
new tasks serve. Inside it the proposal is worked out on the tasks the metric measured and goes \
ahead only if it is above the desired count.",
        source: "TargetTrackingScalingPolicyConfiguration: ScaleOutCooldown",
        url: "https://docs.aws.amazon.com/autoscaling/application/APIReference/API_TargetTrackingScalingPolicyConfiguration.html",
    },
    Documented {
        says: "A scale-out during the scale-in cooldown goes ahead at once, and that cooldown stops.",
        lab: "A scale-out ends the scale-in cooldown.",
        source: "TargetTrackingScalingPolicyConfiguration: ScaleInCooldown",
        url: "https://docs.aws.amazon.com/autoscaling/application/APIReference/API_TargetTrackingScalingPolicyConfiguration.html",
    },
    Documented {
        says: "The service's CPU utilization is the CPU its tasks use over the CPU their task \
definition reserves, averaged over the service's tasks; ECS reports it every minute for tasks in \
the RUNNING state.",
        lab: "ECSServiceAverageCPUUtilization averages every running task: one whose container \
runs but which still waits for its first health check counts, idle, and lowers the average.",
        source: "Amazon ECS service utilization metrics",
        url: "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/service_utilization.html",
    },
    Documented {
        says: "After a target is registered it must pass one health check to be healthy; checks \
come every interval (15 s in PhotoShare's target group). The healthy threshold is for an \
unhealthy target that recovers.",
        lab: "\"Scale-out in ~60 s\" (§5), re-derived: Fargate provisions a task until it runs \
and is registered, 45 s (an assumption: AWS publishes no figure), and its first check comes a \
whole interval later (AWS does not say when; the lab's reading), 45 + 15 = 60 s from the \
scale-out to its first request.",
        source: "Health checks for Application Load Balancer target groups",
        url: photoshare::HEALTH_CHECK_SOURCE,
    },
    Documented {
        says: "The Horizontal Pod Autoscaler asks for ⌈ready pods × metric ÷ target⌉ every 15 s, \
ignores changes within a 10 % tolerance, leaves pods not yet ready out of a scale-up, and scales \
down only to the highest recommendation of the last 300 s.",
        lab: "Those defaults, with the default scale-up limit (double, or 4 more pods, per 15 s).",
        source: "Kubernetes: Horizontal Pod Autoscaling",
        url: "https://kubernetes.io/docs/tasks/run-application/horizontal-pod-autoscale/",
    },
];

/// A careful reader's note on the worked example's burst, with its source.
pub const BURST_NOTE: &str = "The worked example's goal is to absorb a \"10× traffic spike\", but \
its own figures, 1,200 req/s steady with bursts to 9,000 req/s, make a 7.5× burst. The lab keeps \
the printed 9,000 req/s (peak ÷ base 7.5 by default); set it to 10 to try the goal's spike.";
pub const BURST_NOTE_SOURCE: &str = "The worked example, Goal: \"absorbs a 10× traffic spike\" \
and \"~1,200 requests/second with bursts to ~9,000 req/s\".";

/// Why the lab reads 150 req/s as a task's full capacity, for the page.
pub const CAPACITY_NOTE: &str = "The worked example says a task handles about 150 req/s at 60 % \
CPU, but sizes the fleet with ⌈L ÷ (150 × 0.60)⌉ = ⌈L ÷ 90⌉, which treats 150 req/s as what a \
task serves at 100 % CPU. The lab follows the formula, because every task count the worked \
example prints (14, 2 and 8) comes from it: a task saturates at 150 req/s, and at the 60 % target \
it serves 90 req/s.";
