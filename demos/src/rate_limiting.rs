//! Token-bucket rate limiting — the lesson of §6's patterns: a bucket that refills at r
//! tokens a second and holds b lets a client burst b at once, then r a second, and never
//! more than b + r·t in t seconds. Set at the fleet's capacity in front of the app tier, it
//! turns a spike the autoscaler has not caught up with into quick 429s for the excess while
//! everything admitted is served in time; one bucket per client keeps an abusive client
//! from spending everyone else's share.

use crate::chart::{Chart, ChartSpec, Mark, Series, Tone, NO_CHART};
use crate::documented::DocumentedSection;
use crate::field::{numbers, Slider};
use crate::format;
use crate::frame::{demo_page, Page};
use crate::results::{from_ok, Figure, Section};
use crate::scroll_box::ScrollBox;
use crate::stage::{Stage, StageChart, StageControls, StageFigures};
use cloud_lab_model::link::Query;
use cloud_lab_model::rate_limiting::*;
use leptos::prelude::*;

pub fn page(query: &Query) -> AnyView {
    demo_page::<RateLimiting, _>(query, |page: Page<RateLimiting>| {
        let (params, outcome) = (page.params, page.outcome);
        // Which run the charts show: a view choice, not part of the lesson's state.
        let shown = RwSignal::new(Limiter::Global);
        view! {
            <LimiterStage page shown/>
            {page.problems()}
            <HandWorked/>
            <Traffic page/>
            <Scenarios outcome/>
            <OverTime params outcome shown/>
            <WhyLimit/>
            <DocumentedSection items=&DOCUMENTED/>
        }
    })
}

type Outcome = Memo<Result<RateLimitOutcome, Vec<String>>>;

fn slug(limiter: Limiter) -> &'static str {
    match limiter {
        Limiter::None => "none",
        Limiter::Global => "global",
        Limiter::PerClient => "per-client",
    }
}

fn share(x: f64) -> String {
    format::percent(x, 1)
}

#[component]
fn HandWorked() -> impl IntoView {
    let none = hand_worked(0);
    let queued = hand_worked(HAND_MAX_WAIT_S);
    let rows = none
        .into_iter()
        .zip(queued)
        .map(|(a, q)| {
            view! {
                <tr>
                    <th scope="row">{a.t_s}</th>
                    <td>{a.arrived}</td>
                    <td>{a.admitted_now}</td>
                    <td>{a.rejected}</td>
                    <td>{format::trimmed(a.tokens, 1)}</td>
                    <td class="group-start">{q.admitted_now}</td>
                    <td>{q.admitted_from_queue}</td>
                    <td>{q.queued}</td>
                    <td>{format::trimmed(q.tokens, 1)}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <Section id="hand" heading="A bucket worked by hand">
            <p>
                {format!(
                    "A bucket refills at r = {} tokens a second up to b = {}; each request takes a token. {} requests arrive at once: ",
                    format::trimmed(HAND_RATE_PER_S, 0), format::trimmed(HAND_BURST, 0), HAND_ARRIVALS
                )}
                "the full bucket admits b of them. Without a queue the rest are turned away with 429 at once; "
                {format!("with a {HAND_MAX_WAIT_S}-second queue they wait and drain at r a second.")}
            </p>
            <p class="formula">"admitted in any t seconds ≤ b + r·t"</p>
            <ScrollBox label="The burst worked by hand"><table class="hand-worked" data-testid="hand-worked">
                <caption>{format!("r = {}/s, b = {}, a burst of {}", format::trimmed(HAND_RATE_PER_S, 0), format::trimmed(HAND_BURST, 0), HAND_ARRIVALS)}</caption>
                <thead>
                    <tr>
                        <th scope="col" rowspan="2">"second"</th>
                        <th scope="col" rowspan="2">"arrive"</th>
                        <th scope="colgroup" colspan="3">"no queue"</th>
                        <th scope="colgroup" colspan="4" class="group-start">{format!("{HAND_MAX_WAIT_S} s queue")}</th>
                    </tr>
                    <tr>
                        <th scope="col">"admitted"</th><th scope="col">"429"</th><th scope="col">"tokens left"</th>
                        <th scope="col" class="group-start">"admitted"</th><th scope="col">"from queue"</th>
                        <th scope="col">"waiting"</th><th scope="col">"tokens left"</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table></ScrollBox>
        </Section>
    }
}

#[component]
fn Traffic(page: Page<RateLimiting>) -> impl IntoView {
    let (params, outcome) = (page.params, page.outcome);
    let shown = |x: Option<f64>| x.map(format::per_s_fine).unwrap_or_default();
    let steady = page.from_ok(|o| Some(o.offered_steady_per_s));
    let peak = page.from_ok(|o| Some(o.offered_burst_per_s));
    view! {
        <Section id="traffic" heading="PhotoShare's origin, before the scale-out lands">
            <p>
                "The CDN's misses reach the origin at 96 req/s, shared here by a dozen clients. Then one client's traffic "
                "pushes the origin to the burst's 720 req/s while the fleet is still the 2 tasks of the steady state — "
                "300 req/s — because new tasks take a minute or more to arrive. A limiter in front of the app tier is set "
                "at that capacity."
            </p>
            <div class="choices">
                <Slider params field=RateLimitParams::BURST travel=(12.0, 2_000.0)/>
                <Slider params field=RateLimitParams::CAPACITY travel=(0.0, 1_000.0)/>
                <Slider params field=RateLimitParams::WAIT travel=(0.0, 30.0)/>
            </div>
            <div class="choices">
                {numbers(params, &[
                    RateLimitParams::CLIENTS,
                    RateLimitParams::NORMAL,
                    RateLimitParams::START,
                    RateLimitParams::LENGTH,
                    RateLimitParams::DURATION,
                ])}
            </div>
            <dl class="figures results" class:invalid=move || outcome.with(|o| o.is_err())>
                <Figure label="Offered, steady" testid="offered-steady" value=move || shown(steady())>
                    <dd>{page.badge(&RateLimiting::STEADY)}</dd>
                </Figure>
                <Figure label="Offered, in the burst" testid="offered-burst" value=move || shown(peak())>
                    <dd>{page.badge(&RateLimiting::PEAK)}</dd>
                </Figure>
                <div>
                    <dt>"Each client's own bucket"</dt>
                    <dd data-testid="per-client-bucket">{from_ok(outcome, |o| format!(
                        "{} a second, holds {}",
                        format::trimmed(o.per_client_rate_per_s, 2),
                        format::trimmed(o.per_client_burst, 2)
                    ))}</dd>
                    <dd class="note">"the global rate and size shared equally"</dd>
                </div>
                <div>
                    <dt>"Most the global bucket admits in the burst"</dt>
                    <dd data-testid="max-admitted">{from_ok(outcome, |o| format::whole(o.max_admitted_in_burst))}</dd>
                    <dd class="note">"b + r·t over the burst's length"</dd>
                </div>
            </dl>
        </Section>
    }
}

#[component]
fn Scenarios(outcome: Outcome) -> impl IntoView {
    // Each cell reads its run in place: no copy of the runs' second-by-second series.
    let cell = move |l: Limiter, f: fn(&ScenarioRun) -> String| {
        outcome.with(|o| {
            o.as_ref()
                .ok()
                .and_then(|o| o.runs.iter().find(|r| r.limiter == l).map(f))
                .unwrap_or_default()
        })
    };
    let row = move |label: &'static str, key: &'static str, f: fn(&ScenarioRun) -> String| {
        view! {
            <tr>
                <th scope="row">{label}</th>
                {Limiter::ALL.map(|l| view! {
                    <td data-testid=format!("{key}-{}", slug(l))>
                        {move || cell(l, f)}
                    </td>
                })}
            </tr>
        }
    };
    view! {
        <Section id="scenarios" heading="Three ways to meet the spike">
            <div class="results" class:invalid=move || outcome.with(|o| o.is_err())>
                <table class="scenarios" data-testid="scenarios">
                    <caption>"The same traffic through no limiter, one bucket for everyone, and a bucket per client"</caption>
                    <thead><tr>
                        <th scope="col">""</th>
                        {Limiter::ALL.map(|l| view! { <th scope="col">{l.title()}</th> })}
                    </tr></thead>
                    <tbody>
                        {row("Seconds the app tier is overloaded", "overloaded", |r| r.overloaded_seconds.to_string())}
                        {row("Requests not served in time", "errors", |r| share(r.error_share))}
                        {row("Well-behaved clients served in time", "well-behaved", |r| r.well_behaved_in_time_share.map(share).unwrap_or_else(|| "—".into()))}
                        {row("The abusive client served in time", "abusive", |r| share(r.abusive_in_time_share))}
                        {row("Turned away at once (429)", "rejected", |r| format::whole(r.totals.rejected as f64))}
                        {row("Failed for lack of capacity (503, timeouts)", "failed", |r| format::whole(r.totals.failed))}
                        {row("Average wait in the queue", "wait", |r| format::seconds(r.mean_wait_s))}
                    </tbody>
                </table>
                <p class="note">
                    "In time: served in a second when the app tier was not overloaded. A 429 is an error too, but a fast one the client "
                    "can retry after a pause; a request stuck behind an overloaded fleet fails slowly, and takes the well-behaved clients with it. "
                    "Per-client buckets have a price too: the abusive client's share is all it gets, so capacity the others leave idle goes unused."
                </p>
            </div>
        </Section>
    }
}

/// The run shown, as the charts read it.
fn shown_run(
    outcome: Outcome,
    shown: RwSignal<Limiter>,
) -> impl Fn() -> Option<ScenarioRun> + Copy {
    move || {
        outcome.with(|o| {
            o.as_ref()
                .ok()
                .and_then(|o| o.runs.iter().find(|r| r.limiter == shown.get()).cloned())
        })
    }
}

/// One quantity of a run, second by second.
fn series(run: &ScenarioRun, f: fn(&Second) -> f64) -> Vec<(f64, f64)> {
    run.seconds
        .iter()
        .map(|s| (f64::from(s.t_s), f(s)))
        .collect()
}

/// The lesson on one screen: the bucket's rate, the abusive client, and what each limiter
/// leaves the well-behaved clients; the chosen run second by second.
#[component]
fn LimiterStage(page: Page<RateLimiting>, shown: RwSignal<Limiter>) -> impl IntoView {
    let (params, outcome) = (page.params, page.outcome);
    let run = shown_run(outcome, shown);
    let end = move || params.with(|p| f64::from(p.duration_s));
    let flow_spec = Signal::derive(move || {
        let capacity = params.with(|p| p.capacity_per_s);
        let lines = run()
            .map(|r| {
                vec![
                    (
                        "arrive",
                        series(&r, |s| s.arrived as f64),
                        Tone::First,
                        Mark::Line,
                    ),
                    (
                        "admitted",
                        series(&r, |s| s.offered_to_app as f64),
                        Tone::Third,
                        Mark::Line,
                    ),
                    (
                        "429",
                        series(&r, |s| s.rejected as f64),
                        Tone::Second,
                        Mark::Line,
                    ),
                    ("failed", series(&r, |s| s.failed), Tone::Fourth, Mark::Line),
                ]
            })
            .unwrap_or_default();
        ChartSpec::new("second", "requests a second")
            .x(0.0..end())
            .series(
                lines
                    .into_iter()
                    .map(|(label, points, tone, mark)| Series::marked(label, points, tone, mark)),
            )
            .series([Series::dashed(
                "app tier capacity",
                vec![(0.0, capacity), (end(), capacity)],
                Tone::Muted,
            )])
            .fit_y()
    });
    let flow_summary = Signal::derive(move || {
        match run() {
        Some(r) => format!(
            "{}: {} requests arrive, {} are admitted, {} turned away with 429 and {} fail; the app tier is overloaded for {} s.",
            r.limiter.title(),
            format::whole(r.totals.arrived as f64),
            format::whole(r.totals.admitted as f64),
            format::whole(r.totals.rejected as f64),
            format::whole(r.totals.failed),
            r.overloaded_seconds
        ),
        None => NO_CHART.into(),
    }
    });
    let well_behaved = move |l: Limiter| {
        outcome.with(|o| {
            o.as_ref()
                .ok()
                .and_then(|o| o.runs.iter().find(|r| r.limiter == l))
                .map(|r| {
                    r.well_behaved_in_time_share
                        .map(share)
                        .unwrap_or_else(|| "—".into())
                })
                .unwrap_or_default()
        })
    };
    view! {
        <Stage label="A spike the fleet cannot yet take">
            <StageControls slot>
                <Slider params field=RateLimitParams::RATE travel=(10.0, 1_000.0)/>
                <Slider params field=RateLimitParams::ABUSIVE travel=(0.0, 2_000.0)/>
                <fieldset class="inline">
                    <legend>"Show"</legend>
                    {Limiter::ALL.map(|l| view! {
                        <label><input type="radio" name="shown-run" data-testid=format!("show-{}", slug(l))
                            prop:checked=move || shown.get() == l
                            on:change=move |_| shown.set(l)/>" "{l.title()}</label>
                    })}
                </fieldset>
            </StageControls>
            <StageFigures slot>
                <dl class="figures results" class:invalid=move || outcome.with(|o| o.is_err()) aria-live="polite">
                    {Limiter::ALL.map(|l| view! {
                        <div>
                            <dt>{l.title()}</dt>
                            <dd class="big" data-testid=format!("stage-well-behaved-{}", slug(l))>{move || well_behaved(l)}</dd>
                            <dd>"of the well-behaved clients' requests served in time"</dd>
                        </div>
                    })}
                </dl>
            </StageFigures>
            <StageChart slot>
                <Chart spec=flow_spec summary=flow_summary testid="flow-chart"/>
            </StageChart>
        </Stage>
    }
}

#[component]
fn OverTime(
    params: RwSignal<RateLimitParams>,
    outcome: Outcome,
    shown: RwSignal<Limiter>,
) -> impl IntoView {
    let run = shown_run(outcome, shown);
    let end = move || params.with(|p| f64::from(p.duration_s));
    let bucket_spec = Signal::derive(move || {
        let (tokens, queued) = run()
            .map(|r| (series(&r, |s| s.tokens), series(&r, |s| s.queued as f64)))
            .unwrap_or_default();
        ChartSpec::new("second", "tokens · requests waiting")
            .x(0.0..end())
            .series([
                Series::step("tokens in the bucket", tokens, Tone::Fifth),
                Series::step("waiting in the queue", queued, Tone::Second),
            ])
            .fit_y()
    });
    let bucket_summary = Signal::derive(move || match run() {
        Some(r) if r.limiter == Limiter::None => "No limiter: there is no bucket to draw.".into(),
        Some(r) => {
            let at = |i: usize| {
                r.seconds
                    .get(i)
                    .map(|s| format::trimmed(s.tokens, 1))
                    .unwrap_or_default()
            };
            let burst = params.with(|p| p.burst_start_s as usize);
            format!(
                "{}: {} tokens after the first second, {} in the burst's first second, {} at the end.",
                r.limiter.title(),
                at(0),
                at(burst),
                at(r.seconds.len().saturating_sub(1))
            )
        }
        None => NO_CHART.into(),
    });
    view! {
        <Section id="time" heading="Second by second">
            <div class="results" class:invalid=move || outcome.with(|o| o.is_err())>
                <h3>{move || format!("The bucket's level: {}", shown.get().title())}</h3>
                <Chart spec=bucket_spec summary=bucket_summary testid="bucket-chart"/>
                <p class="note">"With a bucket per client the level is the sum over all clients' buckets."</p>
            </div>
        </Section>
    }
}

#[component]
fn WhyLimit() -> impl IntoView {
    view! {
        <Section id="why" heading="Why a limiter protects the SLO while the autoscaler catches up">
            <p>
                "Target tracking reacts to CPU a minute or more after the load arrives, and a new task needs its own minute to "
                "launch and pass health checks (see the "<a href="#/autoscaling">"autoscaling demo"</a>"). During that gap an "
                "unprotected fleet takes more than it can serve: every request queues on busy tasks, latency climbs for everyone, "
                "and the error budget burns for all users at once. A limiter at the fleet's capacity caps what reaches the tasks, "
                "so what is admitted stays fast and only the excess is refused. A bucket per client makes the refusal land on the "
                "client that caused it."
            </p>
            <p class="note">{OVERLOAD_MODEL_NOTE}</p>
        </Section>
    }
}
