//! The rate-limiting page's prose: how the model counts overload, queues and shared
//! buckets, and what the providers document.

use crate::documented::Documented;

/// How the model treats an overloaded app tier and the queue, for the page.
pub const OVERLOAD_MODEL_NOTE: &str = "The app tier serves at most its capacity each second. \
Without a limiter, requests beyond it fail (the load balancer's 503 or a client timeout), spread \
over all clients in proportion to what they sent, and every request of an overloaded second is \
slow: it counts as served but outside the latency objective. A limiter rejects its excess at \
once with 429 Too Many Requests. With a queue, a request waits for a token when the queue holds \
fewer than rate × longest wait requests, and is rejected at once otherwise. One global bucket \
grants its tokens (and its queue's room) among the clients of each second in proportion to what \
they sent, in whole requests; a request left over after the proportional shares goes to the \
clients in turn, so identical clients are granted the same, within one request, over a run. \
Per-client buckets each get an equal share of the global rate and burst.";

/// What API Gateway, WAF and NGINX document about limiting requests.
pub const DOCUMENTED: [Documented; 4] = [
    Documented {
        says: "API Gateway throttles with a token bucket, one token a request: a steady-state \
rate refills it and the burst is its size. Requests beyond both get 429 Too Many Requests. \
The limits are targets applied on a best-effort basis, not exact ceilings.",
        lab: "The global bucket: r refills it each second up to b, and it starts full. The lab's \
bucket is exact, so any window admits at most b + r·t; API Gateway's may overshoot a little.",
        source: "Amazon API Gateway Developer Guide: Throttle requests to your REST APIs",
        url: "https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-request-throttling.html",
    },
    Documented {
        says: "A usage plan identifies clients by API key and sets a rate and a burst that apply \
to each key's requests.",
        lab: "A bucket per client. The lab gives each client an equal share of the global rate \
and burst; a real plan may give each key any limits.",
        source: "Amazon API Gateway Developer Guide: Usage plans and API keys for REST APIs",
        url: "https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-api-usage-plans.html",
    },
    Documented {
        says: "API Gateway's guide describes throttled requests as answered with 429 and left \
to the client to send again later; it describes no queue. NGINX's limit_req (a leaky bucket) \
delays excess requests instead, until more than its burst are waiting, and rejects the rest \
with an error.",
        lab: "The queue option reads NGINX's way: a request waits for a token while fewer than \
rate × longest wait are queued, and is rejected at once otherwise. With the wait at 0 the \
limiter behaves as API Gateway does.",
        source: "NGINX documentation: Module ngx_http_limit_req_module",
        url: "https://nginx.org/en/docs/http/ngx_http_limit_req_module.html",
    },
    Documented {
        says: "An AWS WAF rate-based rule is not a token bucket: it counts each client's \
requests over a trailing window of 1, 2, 5 or 10 minutes, checks that count every so often, \
and applies its action (block, for one) to the client's requests while it is over the limit.",
        lab: "Not modelled: a WAF rule reacts over minutes, so it stops a sustained abuser, \
while a token bucket shapes traffic second by second, as this demo does.",
        source: "AWS WAF Developer Guide: Rate-based rule high-level settings",
        url: "https://docs.aws.amazon.com/waf/latest/developerguide/waf-rule-statement-type-rate-based-high-level-settings.html",
    },
];
