//! The cache & CDN page's prose: how the models work, what they assume, and what the
//! providers document.

use crate::documented::Documented;

/// The approximation behind the popularity model, for the page.
pub const TTL_MODEL_NOTE: &str = "Popularity is Zipf-like: the image of rank i gets a share of \
requests proportional to 1 / i^s. The CDN is modelled as an ideal cache that keeps the C most \
popular images (LFU-like), each copy living one TTL after the miss that fetched it. For an image \
asked for λ times a second (Poisson), each miss is followed by a TTL of hits, so its hit \
probability is λT / (1 + λT) (the TTL-cache result of Jung, Berger & Balakrishnan, \"Modeling \
TTL-based Internet caches\", IEEE INFOCOM 2003; used for networks of caches by Fofack, Nain, \
Neglia & Towsley, 2012). Redis sees the CDN's misses and is modelled the same way on that \
stream, keeping the images it is asked for most.";

/// Why the popularity model's burst hits more often than its steady state, for the page.
pub const BURST_HIT_NOTE: &str = "In \"From popularity\" the burst's hit ratios are worked out \
at the burst's own rate, and they are higher: every image is asked for more often, so more of \
its requests arrive while a copy fetched by an earlier miss is still fresh (λT ÷ (1 + λT) grows \
with λ). The CDN's ratio can only approach the share of requests for the images it holds: the \
rest miss at any rate. A measured ratio is one number, used at every load, as the worked \
example does for its burst.";

/// How the cold cache's recovery is drawn, for the page.
pub const COLD_MODEL_NOTE: &str = "After a flush an image's copy can only be at the edge if the \
image has been asked for since: its hit probability at time t is the smaller of 1 − e^(−λt) and \
its steady value. Popular images come back within seconds, the long tail takes longer. Redis \
stays warm. With a measured hit ratio, the recovery has the popularity model's shape, scaled to \
the measured ratio.";

/// What CloudFront and ElastiCache document about the caches modelled here.
pub const DOCUMENTED: [Documented; 5] = [
    Documented {
        says: "CloudFront answers from an edge cache until the object's cache duration (its TTL) \
runs out. The first request after that goes to the origin, which replies 304 Not Modified if \
the object is unchanged or 200 with the new version.",
        lab: "A request after expiry counts as a miss that reaches the origin (a 304 is still an \
origin request), then the copy lives another TTL: the λT ÷ (1 + λT) of the popularity model.",
        source: "Amazon CloudFront Developer Guide: Manage how long content stays in the cache (expiration)",
        url: "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/Expiration.html",
    },
    Documented {
        says: "Without Cache-Control or Expires from the origin, CloudFront uses the cache \
policy's default TTL (one day unless changed); with them, the header's max-age, kept between \
the policy's minimum and maximum TTL.",
        lab: "The CDN TTL control is the TTL that results; PhotoShare's one hour is the lab's \
assumption, chosen to give the worked example's 92 %.",
        source: "Amazon CloudFront API Reference: CachePolicyConfig (DefaultTTL, MinTTL, MaxTTL)",
        url: "https://docs.aws.amazon.com/cloudfront/latest/APIReference/API_CachePolicyConfig.html",
    },
    Documented {
        says: "An edge location may remove an object that is seldom requested before it expires, \
to make room for objects requested more often.",
        lab: "CloudFront documents no capacity or eviction policy, so the lab assumes an ideal \
cache that keeps the C most popular images; C is an assumption to vary.",
        source: "Amazon CloudFront Developer Guide: Manage how long content stays in the cache (expiration)",
        url: "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/Expiration.html",
    },
    Documented {
        says: "Lazy loading (cache-aside): the app asks the cache first; on a miss it reads the \
database and writes the value to the cache. A TTL on each key bounds how long a stale value \
can be served.",
        lab: "The app tier's metadata reads follow this path: origin requests look up Redis, and \
only its misses read Postgres. Deleting the key when the app writes is the lab's \
invalidation option; without it, only the TTL ends a stale copy.",
        source: "Amazon ElastiCache User Guide: Caching strategies",
        url: "https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/Strategies.html",
    },
    Documented {
        says: "ElastiCache for Redis OSS evicts with volatile-lru by default: when memory is full \
it removes the least recently used keys among those with a TTL.",
        lab: "Redis is modelled as keeping the keys asked for most; with a steady popularity, \
least-recently-used keeps about the same keys. The 50,000 keys are an assumption.",
        source: "AWS whitepaper: Database Caching Strategies Using Redis, Evictions",
        url: "https://docs.aws.amazon.com/whitepapers/latest/database-caching-strategies-using-redis/evictions.html",
    },
];

/// Where the assumed figures come from, for the page.
pub const ASSUMPTIONS_NOTE: &str = "The worked example measures the CDN's 92 %; the rest are the \
lab's assumptions: Redis answers 90 % of metadata lookups, each origin request makes one lookup, \
and an invalidation takes 2 s to land (the delete reaching the cache and its replica).";

/// How stale reads are worked out, for the page.
pub const STALENESS_NOTE: &str = "Reads and writes of the image arrive at random (Poisson). A \
copy is fetched on a miss and lives one TTL, unless a write's invalidation removes it first. A \
read sees the old value if a write happened since the copy was fetched and the copy is still \
there. The expected window takes the copy's remaining life at a write as uniform over the TTL, \
which is exact when writes are rare.";
