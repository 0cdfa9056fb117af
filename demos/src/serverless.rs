//! Serverless crossover — the lesson of extension B: functions bill per request
//! and per GB-second, so their monthly cost is a straight line from zero; an
//! always-on fleet bills by the hour, so its cost is a staircase that starts at
//! the availability floor. Below the crossover rate the functions win (the fleet
//! would sit idle); above it the fleet does. Scaling to zero costs latency too:
//! after an idle spell the next request waits for a cold start.

use crate::chart::{Chart, ChartSpec, Series, Tone, Unit};
use crate::controls::NumberInput;
use crate::documented::DocumentedSection;
use crate::format;
use crate::frame::{demo_page, Page};
use crate::lab::field_number;
use crate::results::{from_ok, problems_view, Badge};
use crate::stage::{Stage, StageChart, StageControls, StageFigures, Why};
use cloud_lab_model::link::{number_text, Query};
use cloud_lab_model::money::Usd;
use cloud_lab_model::serverless::*;
use leptos::prelude::*;

pub fn page(query: &Query) -> AnyView {
    demo_page::<Serverless, _>(query, |page: Page<Serverless>| {
        let params = page.params;
        // The bills at the chosen rate, and the curves, which leave the rate out: moving the
        // rate slider recomputes only the two bills. (The frame's whole outcome is never read,
        // so it is never computed.)
        let bills = Memo::new(move |_| params.with(at_rate));
        let curve_params = Memo::new(move |_| params.with(ServerlessParams::for_curves));
        let range = Memo::new(move |_| curve_params.with(curves));
        view! {
            <OnStage params bills range/>
            <Why>
                <p>
                    "Functions are billed for each request and for the GB-seconds it runs, so their bill starts at zero and "
                    "grows in step with the traffic. A fleet is billed for its tasks' hours whether they are busy or idle, "
                    "and it never drops below its floor, so its bill starts high and climbs one task at a time. Where the "
                    "line crosses the staircase, the cheaper choice changes sides."
                </p>
                <p class="formula">
                    "functions = requests × (request price + gateway price) + (requests × duration + cold starts × init) × memory × GB-s price, less the free tier · "
                    "fleet = max(floor, ⌈rate ÷ capacity⌉) × task-hour price × hours + fixed · each charge rounded half a cent up, each bill the sum of its charges"
                </p>
            </Why>
            {problems_view(bills)}
            <Workload params/>
            <ColdStartsView bills/>
            <Prices params/>
            <DocumentedSection items=&DOCUMENTED/>
        }
    })
}

/// The functions' line against the fleet's staircase, with the crossover and the chosen rate
/// marked: the demo's main chart, and the design report's.
pub(crate) fn crossover_chart(o: &Curves, rate: f64) -> ChartSpec {
    let functions = o
        .curve
        .iter()
        .map(|c| (c.rate_per_s, c.functions_usd.to_f64()));
    let mut spec = ChartSpec::new(format!("average rate, {}", o.rate_unit), "$ a month")
        .x(0.0..o.max_rate_per_s)
        .y_unit(Unit::Usd)
        .series([
            Series::line("functions", functions.collect(), Tone::First),
            Series::line("fleet", o.fleet_steps.clone(), Tone::Second),
        ])
        .fit_y();
    if let Some(c) = o.crossover.filter(|c| c.rate_per_s > 0.0) {
        spec = spec.rule(c.rate_per_s, "crossover", Tone::Third);
    }
    spec.rule(rate, "chosen rate", Tone::Muted)
}

type Bills = Memo<Result<AtRate, Vec<String>>>;
type Range = Memo<Result<Curves, Vec<String>>>;

/// A field bound to one number of the params.
fn bind(
    params: RwSignal<ServerlessParams>,
    get: fn(&ServerlessParams) -> f64,
    set: fn(&mut ServerlessParams, f64),
) -> (Signal<f64>, Callback<f64>) {
    (
        Signal::derive(move || params.with(get)),
        Callback::new(move |x| params.update(|p| set(p, x))),
    )
}

/// A radio button of a choice the params hold.
fn radio(
    name: &'static str,
    label: &'static str,
    testid: &'static str,
    checked: Signal<bool>,
    pick: Callback<()>,
) -> impl IntoView {
    view! {
        <label><input type="radio" name=name data-testid=testid prop:checked=move || checked.get()
            on:change=move |_| pick.run(())/>" "{label}</label>
    }
}

#[component]
fn Workload(params: RwSignal<ServerlessParams>) -> impl IntoView {
    let preset = move || params.with(|p| p.preset);
    let arch = move || params.with(|p| p.arch);
    let door = move || params.with(|p| p.front_door);
    let free = move || params.with(|p| p.free_tier);
    let bill_init = move || params.with(|p| p.bill_init);
    let (ms, set_ms) = bind(params, |p| p.duration_ms, |p, x| p.duration_ms = x);
    let (mb, set_mb) = bind(
        params,
        |p| f64::from(p.memory_mb),
        // Anything but a whole number of MB becomes 0, which the model reports.
        |p, x| {
            p.memory_mb =
                if x.is_finite() && x.fract() == 0.0 && (0.0..=f64::from(u32::MAX)).contains(&x) {
                    x as u32
                } else {
                    0
                }
        },
    );
    let (init, set_init) = bind(params, |p| p.init_ms, |p, x| p.init_ms = x);
    let (keep, set_keep) = bind(params, |p| p.keep_alive_s, |p, x| p.keep_alive_s = x);
    let (cap, set_cap) = bind(
        params,
        |p| p.fleet.task_capacity_per_s,
        |p, x| p.fleet.task_capacity_per_s = x,
    );
    let (max, set_max) = bind(params, |p| p.max_rate_per_s, |p, x| p.max_rate_per_s = x);
    let (floor, set_floor) = bind(
        params,
        |p| f64::from(p.fleet.floor_tasks),
        // Anything but a whole number from 1 becomes 0, which the model reports.
        |p, x| {
            p.fleet.floor_tasks =
                if x.is_finite() && x >= 1.0 && x.fract() == 0.0 && x <= f64::from(MAX_FLEET_TASKS)
                {
                    x as u32
                } else {
                    0
                }
        },
    );
    view! {
        <section aria-labelledby="workload-heading">
            <h2 id="workload-heading">"The workload"</h2>
            <p class="note preset-description">{move || preset().description()}</p>
            <div class="choices">
                <NumberInput label="Duration, ms" value=ms set=set_ms step="10" testid="duration"/>
                <NumberInput label="Memory, MB" value=mb set=set_mb step="128" testid="memory"/>
                <fieldset>
                    <legend>"Processor"</legend>
                    {radio("arch", "x86", "arch-x86", Signal::derive(move || arch() == Arch::X86), Callback::new(move |_| params.update(|p| p.arch = Arch::X86)))}
                    {radio("arch", "Arm (Graviton)", "arch-arm", Signal::derive(move || arch() == Arch::Arm), Callback::new(move |_| params.update(|p| p.arch = Arch::Arm)))}
                </fieldset>
                <fieldset>
                    <legend>"In front of the function"</legend>
                    {radio("door", "HTTP API", "door-http", Signal::derive(move || door() == FrontDoor::HttpApi), Callback::new(move |_| params.update(|p| p.front_door = FrontDoor::HttpApi)))}
                    {radio("door", "REST API", "door-rest", Signal::derive(move || door() == FrontDoor::RestApi), Callback::new(move |_| params.update(|p| p.front_door = FrontDoor::RestApi)))}
                    {radio("door", "an S3 event (no gateway)", "door-event", Signal::derive(move || door() == FrontDoor::Event), Callback::new(move |_| params.update(|p| p.front_door = FrontDoor::Event)))}
                </fieldset>
                <fieldset>
                    <legend>"Billing"</legend>
                    <label><input type="checkbox" data-testid="free-tier" prop:checked=free
                        on:change=move |ev| { let on = event_target_checked(&ev); params.update(|p| p.free_tier = on) }/>
                        " monthly free tier (1 M requests, 400,000 GB-s)"</label>
                    <label><input type="checkbox" data-testid="bill-init" prop:checked=bill_init
                        on:change=move |ev| { let on = event_target_checked(&ev); params.update(|p| p.bill_init = on) }/>
                        " init time is billed"</label>
                </fieldset>
            </div>
            <div class="choices">
                <NumberInput label="Init time of a cold start, ms" value=init set=set_init step="50" testid="init"/>
                <NumberInput label="Kept warm after the last request, s" value=keep set=set_keep step="60" testid="keep"/>
                <NumberInput label="Fleet floor, tasks (≥ 2: one per AZ)" value=floor set=set_floor step="1" testid="floor"/>
                <NumberInput label="One task serves (rate at the CPU target)" value=cap set=set_cap step="any" testid="capacity"/>
                <NumberInput label="Chart up to (rate)" value=max set=set_max step="any" testid="upto"/>
            </div>
        </section>
    }
}

/// The first screen: where to start from and the rate, both bills at that rate, and the
/// line crossing the staircase.
#[component]
fn OnStage(params: RwSignal<ServerlessParams>, bills: Bills, range: Range) -> impl IntoView {
    let preset = move || params.with(|p| p.preset);
    let chosen = move || params.with(|p| p.rate_per_s);
    let top = move || params.with(|p| p.max_rate_per_s);
    let unit = move || params.with(|p| p.preset.rate_unit());
    let rate_claim = Signal::derive(move || params.with(|p| Serverless::API_RATE.check(p, &())));
    let rate = move || bills.with(|b| b.as_ref().ok().map(|b| b.rate_per_s));
    let spec = Memo::new(move |_| {
        let unit = unit();
        let rate = rate();
        range.with(|o| match (o, rate) {
            (Ok(o), Some(rate)) => crossover_chart(o, rate),
            _ => ChartSpec::new(format!("average rate, {unit}"), "$ a month").y_unit(Unit::Usd),
        })
    });
    let summary = Memo::new(move |_| {
        bills.with(|b| {
            range.with(|r| match (b, r) {
                (Ok(b), Ok(r)) => format!(
                    "Monthly cost against the average rate up to {top} {unit}. At {rate} {unit} the functions cost {f} and the fleet {fl}. {verdict}",
                    top = rate_text(r.max_rate_per_s),
                    unit = b.rate_unit,
                    rate = rate_text(b.rate_per_s),
                    f = format::usd(b.functions.total_usd),
                    fl = format::usd(b.fleet.total_usd),
                    verdict = r.verdict()
                ),
                _ => "No chart: the input is not valid.".into(),
            })
        })
    });
    let f =
        move |g: fn(&FunctionsBill) -> Usd| from_ok(bills, move |o| format::usd(g(&o.functions)));
    view! {
        <Stage label="Per request against per hour" invalid=Signal::derive(move || bills.with(|o| o.is_err()))>
            <StageControls slot>
                <div class="choices">
                    <fieldset>
                        <legend>"Start from"</legend>
                        {Preset::ALL.map(|p| radio("preset", p.title(), if p == Preset::Api { "preset-api" } else { "preset-thumbnails" },
                            Signal::derive(move || preset() == p),
                            Callback::new(move |_| params.set(ServerlessParams::preset(p)))))}
                    </fieldset>
                </div>
                <p>
                    <label>"Average rate: "<strong data-testid="rate-value">{move || format!("{} {}", rate_text(chosen()), unit())}</strong>" "
                        <input type="range" min="0" step=move || (top() / 200.0).to_string() max=move || top().to_string() data-testid="rate"
                            prop:value=move || format::field(chosen())
                            on:input=move |ev| { let x = field_number(&ev); params.update(|p| p.rate_per_s = x) }/>
                    </label>
                    {move || rate_claim.with(|v| v.applies).then(|| view! { <Badge verdict=rate_claim/> })}
                </p>
            </StageControls>
            <StageFigures slot>
                <dl class="figures" aria-live="polite">
                    <div>
                        <dt>"Functions, a month"</dt>
                        <dd class="big" data-testid="functions-usd">{f(|b| b.total_usd)}</dd>
                        <dd>{from_ok(bills, |o| format!("{} requests", format::whole(o.functions.requests_per_month as f64)))}</dd>
                        <dd data-testid="functions-parts">"requests "{f(|b| b.requests_usd)}" · gateway "{f(|b| b.gateway_usd)}" · compute "{f(|b| b.compute_usd)}</dd>
                    </div>
                    <div>
                        <dt>"Fleet, a month"</dt>
                        <dd class="big" data-testid="fleet-usd">{from_ok(bills, |o| format::usd(o.fleet.total_usd))}</dd>
                        <dd>{from_ok(bills, |o| format!("{} tasks {} + fixed {}", o.fleet.tasks, format::usd(o.fleet.tasks_usd), format::usd(o.fleet.fixed_usd)))}</dd>
                    </div>
                    <div>
                        <dt>"Cheaper at this rate"</dt>
                        <dd class="big" data-testid="cheaper">{move || bills.with(|o| match o {
                            Ok(o) => match o.cheaper {
                                Cheaper::Functions => "the functions",
                                Cheaper::Fleet => "the fleet",
                                Cheaper::Same => "neither (the same to the cent)",
                            },
                            Err(_) => "",
                        })}</dd>
                    </div>
                </dl>
            </StageFigures>
            <StageChart slot>
                <p class="chart-title" data-testid="verdict">{from_ok(range, |o| o.verdict())}</p>
                <Chart spec summary testid="crossover-chart"/>
            </StageChart>
        </Stage>
    }
}

#[component]
fn ColdStartsView(bills: Bills) -> impl IntoView {
    let c = move |g: fn(&ColdStarts) -> String| from_ok(bills, move |o| g(&o.cold_starts));
    view! {
        <section aria-labelledby="cold-heading" class="results" class:invalid=move || bills.with(|o| o.is_err())>
            <h2 id="cold-heading">"Cold starts: the latency price of scaling to zero"</h2>
            <dl class="figures" aria-live="polite">
                <div>
                    <dt>"Invocations that start cold"</dt>
                    <dd class="big" data-testid="cold-share">{c(|s| format::small_percent(s.share))}</dd>
                </div>
                <div>
                    <dt>"Cold starts a month"</dt>
                    <dd class="big" data-testid="cold-count">{c(|s| format::whole(s.per_month as f64))}</dd>
                </div>
                <div>
                    <dt>"Latency they add"</dt>
                    <dd class="big" data-testid="cold-ms">{c(|s| format!("{} ms", number_text(s.init_ms)))}</dd>
                    <dd>{c(|s| format!("each; {} ms averaged over all requests", number_text(s.mean_added_ms)))}</dd>
                </div>
            </dl>
            <p class="formula">"cold share = e"<sup>"−λT"</sup>" (λ = average rate, T = time an idle environment is kept warm)"</p>
            <p class="note">
                "The formula assumes requests arrive at random (Poisson) and reach one environment that serves one request at a time: "
                "a request starts cold exactly when none came in the T before it. At higher rates Lambda runs several environments and "
                "each scale-out adds cold starts this does not count, but by then λT is so large that the share is ≈ 0 anyway. "
                "AWS does not publish how long an idle environment is kept; 5–15 minutes is what measurements commonly see."
            </p>
        </section>
    }
}

#[component]
fn Prices(params: RwSignal<ServerlessParams>) -> impl IntoView {
    // A memo, so the list is rebuilt only when a price changes, not on every move of the rate.
    let prices = Memo::new(move |_| {
        params.with(|p| {
            let pr = &p.prices;
            let f = &p.fleet;
            vec![
                (
                    "Lambda compute, x86",
                    format!("{} per GB-second", format::usd_price(pr.gb_s_x86_usd)),
                ),
                (
                    "Lambda compute, Arm",
                    format!("{} per GB-second", format::usd_price(pr.gb_s_arm_usd)),
                ),
                (
                    "Lambda requests",
                    format!(
                        "{} per million",
                        format::usd_price(pr.requests_per_million_usd)
                    ),
                ),
                (
                    "API Gateway HTTP API",
                    format!(
                        "{} per million",
                        format::usd_price(pr.http_api_per_million_usd)
                    ),
                ),
                (
                    "API Gateway REST API",
                    format!(
                        "{} per million",
                        format::usd_price(pr.rest_api_per_million_usd)
                    ),
                ),
                (
                    "Free tier",
                    format!(
                        "{} requests and {} GB-s a month",
                        format::quantity(pr.free_requests_per_month),
                        format::quantity(pr.free_gb_s_per_month)
                    ),
                ),
                (
                    "Fargate",
                    format!(
                        "{} per vCPU-hour, {} per GB-hour; a task of {} vCPU + {} GB",
                        format::usd_price(f.vcpu_hour_usd),
                        format::usd_price(f.gb_hour_usd),
                        number_text(f.task_vcpu),
                        number_text(f.task_memory_gb)
                    ),
                ),
                (
                    "Fleet's fixed cost (load balancer)",
                    format!("{} a month", format::usd_price(f.fixed_month_usd)),
                ),
            ]
        })
    });
    view! {
        <section aria-labelledby="prices-heading">
            <h2 id="prices-heading">"Prices and where they come from"</h2>
            <ul class="assumptions" data-testid="prices">
                {move || prices.get().into_iter().map(|(what, price)| view! { <li><strong>{what}": "</strong>{price}</li> }).collect_view()}
            </ul>
            <p class="note">{format!("Function prices as of {PRICES_AS_OF}. {PRICE_SOURCE}")}</p>
            <p class="note">{format!("Fargate prices: {}. {}", cloud_lab_model::cost::PRICES_AS_OF, cloud_lab_model::cost::PRICE_SOURCE)}</p>
        </section>
    }
}
