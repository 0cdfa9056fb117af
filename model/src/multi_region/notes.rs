//! The multi-region page's prose: how the timings are worked out, what the lab assumes and
//! leaves out, and what AWS documents.

use crate::documented::Documented;

/// What AWS documents about failing over, and how the lab follows it.
pub const DOCUMENTED: [Documented; 4] = [
    Documented {
        says: "Route 53 health checkers send a request every 30 s (standard) or 10 s (fast); an \
endpoint is unhealthy once it fails the failure threshold of consecutive checks (3 by default, \
1 to 10). Many checkers in several locations report, and Route 53 aggregates them.",
        lab: "The checkers are treated as one: detection takes (threshold − 1) to threshold \
intervals after the region fails, threshold − ½ on average.",
        source: "Amazon Route 53 Developer Guide: How Amazon Route 53 determines whether a health check is healthy",
        url: "https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/dns-failover-determining-health-of-endpoints.html",
    },
    Documented {
        says: "Failover routing answers with the primary record while its health check is \
healthy and with the secondary record when it is not.",
        lab: "DNS answers with the standby from the moment the primary's check turns unhealthy; \
users move when their resolver's cached answer expires.",
        source: "Amazon Route 53 Developer Guide: Failover routing",
        url: "https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/routing-policy-failover.html",
    },
    Documented {
        says: "You cannot set the TTL of an alias record that points to an AWS resource: Route 53 \
uses the resource's, 60 s for a load balancer. A non-alias record, such as a CNAME, has the TTL \
you give it.",
        lab: "Alias records (the worked example's) fail over with a 60 s TTL; the TTL slider is \
for CNAME records. Resolvers that hold answers longer are the extra-caching field.",
        source: "Amazon Route 53 Developer Guide: Choosing between alias and non-alias records",
        url: "https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/resource-record-sets-choosing-alias-non-alias.html",
    },
    Documented {
        says: "Promoting a read replica makes it a standalone DB instance that accepts writes; \
the guide warns promotion can take several minutes or longer, depending on the replica's size. \
Replication to a replica in another Region is asynchronous.",
        lab: "Promotion is an assumed 5 minutes, started at detection after any human go-ahead. \
The writes of the last replication-lag seconds are lost on a hard failover: the RPO.",
        source: "Amazon RDS User Guide: Promoting a read replica to be a standalone DB instance",
        url: "https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_ReadRepl.Promote.html",
    },
];

/// The lab's own assumptions, for the page.
pub const ASSUMPTIONS_NOTE: &str =
    "The replication lag (5 s) and the write rate (10 writes/s) are \
the lab's assumptions, as is the 5-minute promotion.";

/// Where the worked example's records and the demo's TTL part: a careful reader's note
/// (`MultiRegion::NOTES`).
pub const TTL_NOTE: &str = "The worked example's failover records are alias records to the two \
load balancers, and an alias record has no TTL of its own: Route 53 answers with the load \
balancer's, fixed at 60 s. So the demo starts on alias records with a 60 s TTL. Its TTL slider \
lets the TTL vary, which only the other way to point a name at a load balancer allows: failover \
CNAME records to the load balancers' DNS names (not at the zone apex), whose TTL you choose.";

/// How the timings are worked out, for the page.
pub const TIMING_NOTE: &str = "The region fails at a random moment between two checks: the first \
failed check comes 0 to one interval later, so detection takes (threshold − 1) to threshold \
intervals, threshold − ½ on average. Route 53 then answers with the standby, but a resolver that \
cached the old answer keeps it for up to the TTL (half on average) plus any caching of its own. \
Promotion of the replica starts once the failure is detected (after any human decision). Users \
are fully served when both have happened.";

/// What the cost model leaves out, for the page.
pub const COST_NOTE: &str = "The standby repeats the always-on lines of the cost model at its \
prices and levers. Cross-region replication traffic and the second region's egress are not \
counted; the CDN and DNS are global and billed once.";

/// The formulas behind the failover's figures, for the page.
pub const FORMULA: &str = "detection = interval × threshold (worst) · users on the standby = \
detection + TTL + extra caching · RTO = the later of that and detection + go-ahead + promotion · \
writes lost = lag × writes a second";

/// How one region and two compare, for the page.
pub const AVAILABILITY_NOTE: &str = "The availability demo composes the request path. With one \
region the regional chain (load balancer, tasks, database) sits in series behind the global DNS \
and CDN; with two, the chains are in parallel. That counts a failover as instant; here each \
outage of the primary also costs the time failing over takes.";
