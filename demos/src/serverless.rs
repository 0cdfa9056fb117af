//! Serverless crossover — the lesson of extension B: functions bill per request
//! and per GB-second, so their monthly cost is a straight line from zero; an
//! always-on fleet bills by the hour, so its cost is a staircase that starts at
//! the availability floor. Below the crossover rate the functions win (the fleet
//! would sit idle); above it the fleet does. Scaling to zero costs latency too:
//! after an idle spell the next request waits for a cold start.

use crate::chart::{Chart, ChartSpec, Series, Tone, Unit, NO_CHART};
use crate::documented::DocumentedSection;
use crate::field::{Choices, Number, Slider, Toggle};
use crate::format;
use crate::frame::{demo_page, Page};
use crate::results::{from_ok, problems_view, Badge, Figure, Results, Section};
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

type P = ServerlessParams;

#[component]
fn Workload(params: RwSignal<ServerlessParams>) -> impl IntoView {
    let preset = move || params.with(|p| p.preset);
    view! {
        <Section id="workload" heading="The workload">
            <p class="note preset-description">{move || preset().description()}</p>
            <div class="choices">
                <Number params field=P::DURATION_MS/>
                <Number params field=P::MEMORY_MB/>
                <Choices params field=P::ARCH/>
                <Choices params field=P::DOOR/>
                <fieldset>
                    <legend>"Billing"</legend>
                    <Toggle params field=P::FREE_TIER testid="free-tier">"monthly free tier (1 M requests, 400,000 GB-s)"</Toggle>
                    <Toggle params field=P::BILL_INIT/>
                </fieldset>
            </div>
            <div class="choices">
                <Number params field=P::INIT_MS/>
                <Number params field=P::KEEP_ALIVE_S/>
                <Number params field=P::FLEET_FLOOR_TASKS>"Fleet floor, tasks (≥ 2: one per AZ)"</Number>
                // The rate's unit is the preset's (req/s or uploads/s), not the table's.
                <Number params field=P::FLEET_TASK_CAPACITY_PER_S>"One task serves (rate at the CPU target)"</Number>
                <Number params field=P::MAX_RATE_PER_S/>
            </div>
        </Section>
    }
}

/// The first screen: where to start from and the rate, both bills at that rate, and the
/// line crossing the staircase.
#[component]
fn OnStage(params: RwSignal<ServerlessParams>, bills: Bills, range: Range) -> impl IntoView {
    let chosen = move || params.with(|p| p.rate_per_s);
    let top = move || params.with(|p| p.max_rate_per_s);
    let unit = move || params.with(|p| p.preset.rate_unit());
    let rate_claim = Signal::derive(move || params.with(|p| Serverless::API_RATE.check(p, &())));
    let rate_applies = Memo::new(move |_| rate_claim.with(|v| v.applies));
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
                _ => NO_CHART.into(),
            })
        })
    });
    let f =
        move |g: fn(&FunctionsBill) -> Usd| from_ok(bills, move |o| format::usd(g(&o.functions)));
    view! {
        <Stage label="Per request against per hour" invalid=Signal::derive(move || bills.with(|o| o.is_err()))>
            <StageControls slot>
                <div class="choices">
                    <Choices params field=P::PRESET/>
                </div>
                <div class="choices">
                    <Slider params field=P::RATE_PER_S travel=Signal::derive(move || (0.0, top()))
                        reads=Signal::derive(move || format!("{} {}", rate_text(chosen()), unit()))/>
                    {move || rate_applies.get().then(|| view! { <Badge verdict=rate_claim/> })}
                </div>
            </StageControls>
            <StageFigures slot>
                <dl class="figures" aria-live="polite">
                    <Figure label="Functions, a month" testid="functions-usd" value=f(|b| b.total_usd)>
                        <dd>{from_ok(bills, |o| format!("{} requests", format::whole(o.functions.requests_per_month as f64)))}</dd>
                        <dd data-testid="functions-parts">"requests "{f(|b| b.requests_usd)}" · gateway "{f(|b| b.gateway_usd)}" · compute "{f(|b| b.compute_usd)}</dd>
                    </Figure>
                    <Figure label="Fleet, a month" testid="fleet-usd" value=from_ok(bills, |o| format::usd(o.fleet.total_usd))>
                        <dd>{from_ok(bills, |o| format!("{} tasks {} + fixed {}", o.fleet.tasks, format::usd(o.fleet.tasks_usd), format::usd(o.fleet.fixed_usd)))}</dd>
                    </Figure>
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
        <Results invalid=move || bills.with(|o| o.is_err()) id="cold" heading="Cold starts: the latency price of scaling to zero">
            <dl class="figures" aria-live="polite">
                <Figure label="Invocations that start cold" testid="cold-share" value=c(|s| format::small_percent(s.share))/>
                <Figure label="Cold starts a month" testid="cold-count" value=c(|s| format::whole(s.per_month as f64))/>
                <Figure label="Latency they add" testid="cold-ms" value=c(|s| format!("{} ms", number_text(s.init_ms)))>
                    <dd>{c(|s| format!("each; {} ms averaged over all requests", number_text(s.mean_added_ms)))}</dd>
                </Figure>
            </dl>
            <p class="formula">"cold share = e"<sup>"−λT"</sup>" (λ = average rate, T = time an idle environment is kept warm)"</p>
            <p class="note">
                "The formula assumes requests arrive at random (Poisson) and reach one environment that serves one request at a time: "
                "a request starts cold exactly when none came in the T before it. At higher rates Lambda runs several environments and "
                "each scale-out adds cold starts this does not count, but by then λT is so large that the share is ≈ 0 anyway. "
                "AWS does not publish how long an idle environment is kept; 5–15 minutes is what measurements commonly see."
            </p>
        </Results>
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
        <Section id="prices" heading="Prices and where they come from">
            <ul class="assumptions" data-testid="prices">
                {move || prices.get().into_iter().map(|(what, price)| view! { <li><strong>{what}": "</strong>{price}</li> }).collect_view()}
            </ul>
            <p class="note">{format!("Function prices as of {PRICES_AS_OF}. {PRICE_SOURCE}")}</p>
            <p class="note">{format!("Fargate prices: {}. {}", cloud_lab_model::cost::PRICES_AS_OF, cloud_lab_model::cost::PRICE_SOURCE)}</p>
        </Section>
    }
}
