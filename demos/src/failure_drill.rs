//! Failure drill — the lesson of §1 and §3: redundancy does not make a failure free, it
//! makes it short. A dead task or AZ keeps receiving its share of requests until the
//! health checks give up on it; then ECS and the AZ spread re-form the capacity. A
//! Multi-AZ database is gone for the failover; a single-AZ one until it is restored.
//! Every second of failing requests spends the month's error budget, and the drill
//! shows what is left of it and what the deploy policy becomes.

use crate::chart::{summary_of, Chart, ChartSpec, Series, Tone, Unit, NO_CHART};
use crate::documented::DocumentedSection;
use crate::field::{numbers, Number, Slider, Toggle};
use crate::format;
use crate::frame::{demo_page, Page};
use crate::lab::{field_number, field_whole};
use crate::playhead::{use_playhead_with_options, AtEnd, Playhead, PlayheadOptions};
use crate::results::{from_ok, problems_view, row_count, Figure, Results, Section};
use crate::rows::{indexed, row, text};
use crate::stage::{Stage, StageChart, StageControls, StageFigures, Why};
use cloud_lab_model::availability::DeployPolicy;
use cloud_lab_model::failure_drill::*;
use cloud_lab_model::link::Query;
use cloud_lab_model::photoshare::rolling_deploy::AZ_NAMES;
use leptos::prelude::*;

pub fn page(query: &Query) -> AnyView {
    demo_page::<FailureDrill, _>(query, |page: Page<FailureDrill>| {
        let (params, outcome) = (page.params, page.outcome);
        // The moment the zone picture shows is not a param: it does not change the drill.
        let first_failure = params.with_untracked(|p| p.failures.iter().map(|f| f.at_s).min());
        let last_s = Signal::derive(move || params.with(|p| p.duration_s.saturating_sub(1)));
        let playhead = use_playhead_with_options(last_s, PLAYHEAD);
        playhead.at_s.set(Some(first_failure.unwrap_or(0)));
        type P = FailureDrillParams;
        view! {
            <Stage label="The drill">
                <StageControls slot>
                    <Toggle params field=P::MULTI_AZ/>
                    <Slider params field=P::FAILOVER_S travel=(0.0, 600.0)/>
                    <Toggle params field=P::AUTOSCALER/>
                </StageControls>
                <StageFigures slot><Headline outcome/></StageFigures>
                <StageChart slot><CapacityChart params outcome playhead/></StageChart>
            </Stage>
            {problems_view(outcome)}
            <WhatFails params/>
            <Timeline params outcome playhead/>
            <Budget page/>
            <Settings params outcome/>
            <Assumptions/>
        }
    })
}

type Outcome = Memo<Result<FailureDrillOutcome, Vec<String>>>;

/// The drill plays 15 s of the drill every 100 ms, an hour in 24 s, and stops on its last second.
const PLAYHEAD: PlayheadOptions = PlayheadOptions {
    tick_ms: 100,
    speed: 150,
    at_end: AtEnd::Hold,
};

/// Levels of capacity the chart's summary reads out before it stops.
const MOST_LEVELS_SAID: usize = 12;

/// The failures the editor offers, by the value of their option.
const FAILURES: [(&str, Failure); 5] = [
    ("task:a", Failure::Task { az: 0 }),
    ("task:b", Failure::Task { az: 1 }),
    ("az:a", Failure::Az { az: 0 }),
    ("az:b", Failure::Az { az: 1 }),
    ("db", Failure::Database),
];

fn failure_slug(f: Failure) -> &'static str {
    FAILURES
        .iter()
        .find(|(_, g)| *g == f)
        .map_or("", |(slug, _)| slug)
}

fn preset_slug(p: Preset) -> &'static str {
    match p {
        Preset::TaskLoss => "task-loss",
        Preset::AzLossPrimarySide => "az-primary",
        Preset::AzLossStandbySide => "az-standby",
        Preset::DatabaseFailover => "db-failover",
        Preset::SingleAzDatabase => "single-az-db",
        Preset::AzLossAtBurst => "az-at-burst",
    }
}

#[component]
fn WhatFails(params: RwSignal<FailureDrillParams>) -> impl IntoView {
    // A memo: the rows and the "nothing fails" note change with the count, not every move.
    let count = Memo::new(move |_| params.with(|p| p.failures.len()));
    let add = move |failure: Failure| {
        params.update(|p| {
            if p.failures.len() < MAX_FAILURES {
                let at_s = p.duration_s / 2;
                p.failures.push(Injected { failure, at_s });
            }
        })
    };
    let full = move || count.get() >= MAX_FAILURES;
    view! {
        <Section id="fails" heading="What fails, and when">
            <div class="actions presets" role="group" aria-label="Ready-made drills">
                {Preset::ALL.map(|preset| view! {
                    <button data-testid=format!("preset-{}", preset_slug(preset))
                        on:click=move |_| params.set(preset.params())>{preset.title()}</button>
                })}
            </div>
            <ol class="failures" data-testid="failures">
                {indexed(count.into(), Callback::new(move |i| view! { <FailureRow params i/> }.into_any()))}
            </ol>
            {move || (count.get() == 0).then(|| view! { <p class="note">"Nothing fails: a quiet hour. Add a failure below."</p> })}
            <div class="actions">
                <button data-testid="add-task" prop:disabled=full on:click=move |_| add(Failure::Task { az: 1 })>"Add: one task fails"</button>
                <button data-testid="add-az" prop:disabled=full on:click=move |_| add(Failure::Az { az: 1 })>"Add: an AZ goes dark"</button>
                <button data-testid="add-db" prop:disabled=full on:click=move |_| add(Failure::Database)>"Add: the database primary fails"</button>
                <button on:click=move |_| params.update(|p| p.failures.clear())>"Remove all"</button>
            </div>
        </Section>
    }
}

#[component]
fn FailureRow(params: RwSignal<FailureDrillParams>, i: usize) -> impl IntoView {
    let injected = move || params.with(|p| p.failures.get(i).copied());
    let edit = move |f: &dyn Fn(&mut Injected)| {
        params.update(|p| {
            if let Some(x) = p.failures.get_mut(i) {
                f(x)
            }
        })
    };
    let last_s = move || params.with(|p| p.duration_s.saturating_sub(1));
    let n = i + 1;
    view! {
        <li class="failure" data-testid=format!("failure-{n}")>
            <label>{format!("Failure {n}: ")}
                <select data-testid="what"
                    prop:value=move || injected().map(|x| failure_slug(x.failure)).unwrap_or_default()
                    on:change=move |ev| {
                        let slug = event_target_value(&ev);
                        if let Some((_, f)) = FAILURES.iter().find(|(s, _)| *s == slug) {
                            let f = *f;
                            edit(&|x| x.failure = f);
                        }
                    }>
                    {FAILURES.map(|(slug, f)| view! { <option value=slug>{f.describe()}</option> })}
                </select>
            </label>
            <label>"strikes at "
                <input type="range" min="0" max=last_s step="5" data-testid="at"
                    prop:value=move || injected().map(|x| x.at_s.to_string()).unwrap_or_default()
                    on:input=move |ev| { let t = field_whole(&ev); edit(&|x| x.at_s = t) }/>
            </label>
            <output>{move || injected().map(|x| format::clock(x.at_s)).unwrap_or_default()}</output>
            <button class="remove" aria-label=format!("Remove failure {n}")
                on:click=move |_| params.update(|p| { if i < p.failures.len() { p.failures.remove(i); } })>"×"</button>
        </li>
    }
}

/// How long a failure lasts, in the drill's own figures: the stage's figures.
#[component]
fn Headline(outcome: Outcome) -> impl IntoView {
    view! {
        <div class="results" class:invalid=move || outcome.with(|o| o.is_err())>
            <dl class="figures" aria-live="polite">
                <Figure label="Health checks take a dead task out after" testid="detect" value=from_ok(outcome, |o| format!("{}–{} s", o.detection_range_s.0, o.detection_range_s.1))/>
                <Figure label="A replacement serves after" testid="startup" value=from_ok(outcome, |o| format!("{} s", o.startup_delay_s))/>
                <Figure label="Back to normal at" testid="back-to-normal" value=from_ok(outcome, |o| o.back_to_normal_s.map_or("not within the drill".to_string(), format::clock))/>
                <div>
                    <dt>"Half the fleet can carry the load"</dt>
                    <dd data-testid="survives">{from_ok(outcome, |o| if o.survives_az_loss_capacity { "yes: one AZ is enough" } else { "no: losing an AZ overloads the other" })}</dd>
                </div>
            </dl>
        </div>
    }
}

/// A chart over the drill's seconds, drawn from its samples, with the moment the playhead
/// shows as a rule.
fn drill_chart(
    params: RwSignal<FailureDrillParams>,
    outcome: Outcome,
    playhead: Playhead,
    y_label: &'static str,
    draw: fn(ChartSpec, &[DrillSample]) -> ChartSpec,
) -> Signal<ChartSpec> {
    Signal::derive(move || {
        let end = params.with(|p| f64::from(p.duration_s));
        let spec = outcome.with(|o| {
            let samples = o.as_ref().map(|o| o.samples.as_slice()).unwrap_or_default();
            let axes = ChartSpec::new("time into the drill", y_label)
                .x(0.0..end)
                .x_unit(Unit::Clock);
            draw(axes, samples)
        });
        spec.rule(f64::from(playhead.position_s()), "", Tone::Muted)
    })
}

/// One quantity of the drill, a point per sample.
fn per_second(samples: &[DrillSample], value: fn(&DrillSample) -> f64) -> Vec<(f64, f64)> {
    samples
        .iter()
        .map(|s| (f64::from(s.t_s), value(s)))
        .collect()
}

/// Capacity of the answering tasks against the load, with the moment the zones show.
#[component]
fn CapacityChart(
    params: RwSignal<FailureDrillParams>,
    outcome: Outcome,
    playhead: Playhead,
) -> impl IntoView {
    let capacity_spec = drill_chart(
        params,
        outcome,
        playhead,
        "requests / s at the origin",
        |spec, samples| {
            spec.series([
                Series::step(
                    "capacity of answering tasks",
                    per_second(samples, |s| s.capacity_per_s),
                    Tone::First,
                ),
                Series::dashed(
                    "load reaching the app",
                    per_second(samples, |s| s.origin_per_s),
                    Tone::Second,
                ),
            ])
            .fit_y()
        },
    );
    let capacity_summary = summary_of(outcome, move |o| {
        // Each level the capacity holds, from when: the chart in words.
        let mut levels: Vec<String> = Vec::new();
        let mut last = None;
        for s in &o.samples {
            if last != Some(s.capacity_per_s) {
                last = Some(s.capacity_per_s);
                levels.push(format!(
                    "{} from {}",
                    format::field(s.capacity_per_s),
                    format::clock(s.t_s)
                ));
            }
        }
        if levels.len() > MOST_LEVELS_SAID {
            levels.truncate(MOST_LEVELS_SAID);
            levels.push("…".into());
        }
        format!(
            "Capacity in req/s against a load of {} req/s: {}; lowest {}.",
            format::field(o.origin_per_s),
            levels.join(", "),
            format::field(o.lowest_capacity_per_s)
        )
    });
    view! {
        <Chart spec=capacity_spec summary=capacity_summary testid="capacity-chart"/>
    }
}

#[component]
fn Timeline(
    params: RwSignal<FailureDrillParams>,
    outcome: Outcome,
    playhead: Playhead,
) -> impl IntoView {
    let moment = Signal::derive(move || playhead.position_s());
    let last_s = move || params.with(|p| p.duration_s.saturating_sub(1));

    let failing_spec = drill_chart(
        params,
        outcome,
        playhead,
        "requests failing",
        |spec, samples| {
            spec.y(0.0..1.05)
                .y_unit(Unit::Percent)
                .series([Series::step(
                    "share of requests failing",
                    per_second(samples, |s| s.failing_share),
                    Tone::Second,
                )])
        },
    );
    let failing_summary = Signal::derive(move || {
        outcome.with(|o| match o {
            Ok(o) if o.affected_min == 0.0 => "No request fails during the drill.".to_string(),
            Ok(o) => format!(
                "Requests fail during {} in all, at most {} at once: {} of full outage.",
                format::minutes(o.affected_min),
                format::percent(o.peak_failing_share, 1),
                format::minutes(o.degraded_min)
            ),
            Err(_) => NO_CHART.into(),
        })
    });

    view! {
        <Results invalid=move || outcome.with(|o| o.is_err()) id="timeline" heading="The drill, second by second">
            <h3>"Requests failing"</h3>
            <Chart spec=failing_spec summary=failing_summary testid="failing-chart"/>
            <div class="moment">
                <button data-testid="play" aria-pressed=move || playhead.playing().to_string()
                    on:click=move |_| playhead.toggle()>
                    {move || if playhead.playing() { "Pause" } else { "Play the drill" }}
                </button>
                <label>"Moment "
                    <input type="range" min="0" max=last_s step="5" data-testid="moment"
                        prop:value=move || moment.get().to_string()
                        on:input=move |ev| playhead.seek(field_whole(&ev))/>
                </label>
                <output data-testid="moment-clock">{move || format::clock(moment.get())}</output>
            </div>
            <Zones outcome moment/>
            <Events outcome moment/>
        </Results>
    }
}

/// Tasks answering in each AZ and the database, at the chosen moment.
#[component]
fn Zones(outcome: Outcome, moment: Signal<u32>) -> impl IntoView {
    let sample = move || {
        outcome.with(|o| {
            o.as_ref()
                .ok()
                .and_then(|o| o.sample_at(moment.get()).copied())
        })
    };
    /// More tasks than this per AZ show as a number only.
    const MOST_PIPS: u32 = 24;
    view! {
        <div class="zones" data-testid="zones">
            {AZ_NAMES.iter().enumerate().map(|(az, name)| {
                let healthy = move || sample().and_then(|s| s.healthy_per_az.get(az).copied()).unwrap_or(0);
                view! {
                    <div class="zone" data-testid=format!("zone-{az}")>
                        <p class="az-name">{*name}</p>
                        <p><span class="pips" aria-hidden="true">{move || "■".repeat(healthy().min(MOST_PIPS) as usize)}</span>
                           " "<strong data-testid="healthy">{healthy}</strong>" answering"</p>
                    </div>
                }
            }).collect_view()}
            <div class="zone">
                <p class="az-name">"Also"</p>
                <p data-testid="dead">{move || sample().map(|s| s.dead_in_rotation).unwrap_or(0)}" dead, still sent requests"</p>
                <p data-testid="starting">{move || sample().map(|s| s.starting).unwrap_or(0)}" starting"</p>
            </div>
            <div class="zone database" class:down=move || sample().is_some_and(|s| !s.db.is_up())>
                <p class="az-name">"Database"</p>
                <p data-testid="db-state">{move || sample().map(|s| s.db.describe()).unwrap_or_default()}</p>
            </div>
            <p class="zone-line" data-testid="moment-line">{move || sample().map(|s| format!(
                "At {}: {} req/s of capacity for {} req/s; {} of requests failing.",
                format::clock(moment.get()),
                format::field(s.capacity_per_s),
                format::field(s.origin_per_s),
                format::percent(s.failing_share, 1)
            )).unwrap_or_default()}</p>
        </div>
    }
}

#[component]
fn Events(outcome: Outcome, moment: Signal<u32>) -> impl IntoView {
    // Kept by place, each text bound on its own: a move rewrites only the events it changes,
    // and the playhead only the marks of those it passes.
    let count = row_count(outcome, |o| &o.events);
    let event = move |i: usize| {
        let event = row(outcome, |o| &o.events, i);
        let past = move || event.with(|e| e.as_ref().is_some_and(|e| e.t_s <= moment.get()));
        view! {
            <li class:past=past>
                <span class="clock">{text(event, |e| format::clock(e.t_s))}</span>
                " "{text(event, |e| e.text.clone())}
            </li>
        }
        .into_any()
    };
    view! {
        <h3>"What happens, in words"</h3>
        <ol class="events" data-testid="events">{indexed(count.into(), Callback::new(event))}</ol>
    }
}

#[component]
fn Budget(page: Page<FailureDrill>) -> impl IntoView {
    let (params, outcome) = (page.params, page.outcome);
    let budget = from_ok(outcome, |o| o.budget_min);
    let spent_before = move || params.with(|p| p.spent_before_min);
    // The bar's geometry: shares of the budget, the whole bar when overspent.
    let share = move |minutes: f64| {
        let b = budget();
        if b > 0.0 {
            (minutes / b).clamp(0.0, 1.0) * 100.0
        } else {
            0.0
        }
    };
    let before_width = move || share(spent_before());
    let drill_width = move || {
        let drill = from_ok(outcome, |o| o.degraded_min)();
        share(spent_before() + drill) - before_width()
    };
    let policy = move || {
        outcome.with(|o| match o {
            Ok(o) => match o.policy {
                DeployPolicy::Ship => "Plenty of budget left: keep shipping features.",
                DeployPolicy::FreezeRiskyDeploys => "Budget running low: freeze risky deploys and spend the rest of the month on reliability.",
                DeployPolicy::Exhausted => "Budget spent: the month's SLO is broken; only fixes ship until it rolls over.",
            },
            Err(_) => "",
        })
    };
    view! {
        <Results invalid=move || outcome.with(|o| o.is_err()) id="drill-budget" heading="What the drill costs the month">
            <p class="figure-line">
                "Error budget: "<strong class="big" data-testid="budget">{move || format::minutes(budget())}</strong>" a month "
                {page.badge(&FailureDrill::BUDGET)}
            </p>
            <dl class="figures" aria-live="polite">
                <Figure label="Degraded service, as full-outage minutes" testid="degraded" value=from_ok(outcome, |o| format::minutes(o.degraded_min))>
                    <dd>{from_ok(outcome, |o| format!("requests failed during {}", format::minutes(o.affected_min)))}</dd>
                </Figure>
                <Figure label="Share of the month's budget" testid="consumed" value=from_ok(outcome, |o| format::percent_3_figures(o.consumed))/>
                <Figure label="Left this month" testid="left" value=from_ok(outcome, |o| format::minutes(o.left_min))>
                    <dd data-testid="slo-holds">{from_ok(outcome, |o| if o.slo_holds { "the SLO holds" } else { "the SLO is broken" })}</dd>
                </Figure>
            </dl>
            <div class="budget-bar" role="img" aria-label=move || format!(
                "Budget: {} spent before, {} by the drill, {} left.",
                format::minutes(spent_before()),
                from_ok(outcome, |o| format::minutes(o.degraded_min))(),
                from_ok(outcome, |o| format::minutes(o.left_min))()
            )>
                <span class="before" style:width=move || format!("{}%", before_width())></span>
                <span class="drill" style:width=move || format!("{}%", drill_width())></span>
            </div>
            <p class="legend"><span class="key before"></span>" spent before the drill "<span class="key drill"></span>" spent by the drill "<span class="key left"></span>" left"</p>
            <p class="formula">"spent = Σ seconds × share of requests failing ÷ 60 ÷ budget"</p>
            <p class="policy" role="status" data-testid="policy">{policy}</p>
            <Slider params field=FailureDrillParams::SPENT_BEFORE_MIN travel=(0.0, 60.0)/>
        </Results>
    }
}

#[component]
fn Settings(params: RwSignal<FailureDrillParams>, outcome: Outcome) -> impl IntoView {
    type P = FailureDrillParams;
    let get = move |f: fn(&FailureDrillParams) -> f64| move || params.with(f);
    let load = get(|p| p.edge_load_per_s);
    let hit = get(|p| p.cdn_hit_ratio);
    let choice = move || params.with(|p| p.autoscaler_choice());
    // Load and hit ratio start the drill from the fleet the autoscaler would have settled on.
    let set_traffic = move |f: &dyn Fn(&mut FailureDrillParams)| {
        params.update(|p| {
            f(p);
            p.tasks = p.autoscaler_choice();
        })
    };
    view! {
        <Section id="settings" heading="The system under test">
            <div class="choices">
                <fieldset>
                    <legend>"Traffic"</legend>
                    <label>"Load at the edge, req/s "
                        <input type="range" min="0" max="12000" step="100" data-testid="load"
                            prop:value=move || format::field(load())
                            on:input=move |ev| { let x = field_number(&ev); set_traffic(&|p| p.edge_load_per_s = x) }/>
                        <output>{move || format::field(load())}</output>
                    </label>
                    <label>"CDN hit ratio, % "
                        <input type="range" min="0" max="99" step="1" data-testid="hit"
                            prop:value=move || format::field(hit() * 100.0)
                            on:input=move |ev| { let x = field_number(&ev) / 100.0; set_traffic(&|p| p.cdn_hit_ratio = x) }/>
                        <output>{move || format::field(hit() * 100.0)}</output>
                    </label>
                    <Number params field=P::TASKS/>
                    <button on:click=move |_| params.update(|p| p.tasks = p.autoscaler_choice())>
                        {move || format!("The autoscaler's choice: {}", choice())}
                    </button>
                    <Number params field=P::CAPACITY_PER_TASK_PER_S/>
                </fieldset>
                <fieldset>
                    <legend>"Autoscaler"</legend>
                    {numbers(params, &[P::CPU_TARGET, P::MIN_TASKS, P::MAX_TASKS, P::PROVISIONING_S])}
                </fieldset>
                <fieldset>
                    <legend>"Health check (target group)"</legend>
                    {numbers(params, &P::HEALTH_CHECK)}
                    <p class="note">{from_ok(outcome, |o| format!("Takes a dead task out {}–{} s after it stops answering; a new one serves after {} s.", o.detection_range_s.0, o.detection_range_s.1, o.startup_delay_s))}</p>
                </fieldset>
                <fieldset>
                    <legend>"Database"</legend>
                    <Number params field=P::SINGLE_AZ_RECOVERY_S/>
                </fieldset>
                <fieldset>
                    <legend>"The month and the drill"</legend>
                    {numbers(params, &[P::SLO, P::DURATION_S])}
                </fieldset>
            </div>
        </Section>
    }
}

#[component]
fn Assumptions() -> impl IntoView {
    view! {
        <DocumentedSection items=&DOCUMENTED/>
        <Section id="drill-assumptions" heading="Assumptions">
            <Why summary="The restore time, and how the drill counts">
                <ul class="assumptions">
                    <li><strong>{format!("Single-AZ restore, {} min: ", SINGLE_AZ_RECOVERY_S / 60)}</strong>{SINGLE_AZ_RECOVERY_SOURCE}</li>
                    <li><strong>"How the drill counts: "</strong>{MODEL_NOTE}</li>
                </ul>
            </Why>
        </Section>
    }
}
