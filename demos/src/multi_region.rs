//! Multi-region active-passive — extension A of the worked example: a warm standby region
//! removes the region as a single point of failure, but failing over takes time (health
//! checks, DNS caching, promoting the replica: the RTO) and loses the writes replication had
//! not yet shipped (the RPO). In return the path moves toward 99.99 %, for roughly twice
//! the always-on part of the bill.

use crate::chart::{summary_of, Bar, Chart, ChartSpec, Tone, Unit};
use crate::documented::DocumentedSection;
use crate::field::{numbers, Choices, Number, Slider, Toggle};
use crate::format;
use crate::frame::{demo_page, Page};
use crate::lab::lab;
use crate::results::{row_count, row_text, Figure, Results};
use crate::rows::indexed;
use crate::scroll_box::ScrollBox;
use crate::stage::{Stage, StageChart, StageControls, StageFigures, Why};
use cloud_lab_model::link::Query;
use cloud_lab_model::money::Usd;
use cloud_lab_model::multi_region::*;
use cloud_lab_model::vocabulary::Service;
use leptos::prelude::*;

type P = MultiRegionParams;

pub fn page(query: &Query) -> AnyView {
    demo_page::<MultiRegion, _>(query, |page: Page<MultiRegion>| {
        view! {
            <FailoverStage page/>
            {page.problems()}
            <FailoverSection page/>
            <AvailabilitySection page/>
            <CostSection page/>
            <DocumentedSection items=&DOCUMENTED/>
            <p class="note">{ASSUMPTIONS_NOTE}</p>
        }
    })
}

/// Seconds as a person would say them: "90 s", "390 s (6 min 30 s)".
fn when(s: f64) -> String {
    if s.is_finite() && s >= 60.0 && s.fract() == 0.0 && s <= f64::from(u32::MAX) {
        format!("{} ({})", format::seconds(s), format::span(s as u32))
    } else {
        format::seconds(s)
    }
}

/// The colour of a step, the same in both bars.
fn tone(label: &str) -> Tone {
    match label {
        DETECTION => Tone::First,
        DNS_CACHES => Tone::Second,
        GO_AHEAD => Tone::Third,
        _ => Tone::Fourth,
    }
}

/// The lesson on one screen: how fast the standby takes over, and what is lost.
#[component]
fn FailoverStage(page: Page<MultiRegion>) -> impl IntoView {
    let invalid = page.invalid();
    let params = page.params;
    let failover = page.from_ok(|o| Some(o.failover.clone()));
    let figure =
        move |f: fn(&Failover) -> String| move || failover().map(|x| f(&x)).unwrap_or_default();
    let spec = Memo::new(move |_| {
        let bar = |label: &str, steps: &[Step]| Bar {
            label: label.into(),
            segments: steps
                .iter()
                .map(|s| (s.label.to_string(), s.s, tone(s.label)))
                .collect(),
        };
        let bars = failover()
            .map(|f| {
                vec![
                    bar("every user on the standby", &f.users_path),
                    bar("writes resume", &f.writes_path),
                ]
            })
            .unwrap_or_default();
        ChartSpec::new("", "after the region fails")
            .y_unit(Unit::Clock)
            .bar_legend(
                &[DETECTION, DNS_CACHES, GO_AHEAD, PROMOTION].map(|step| (step, tone(step))),
            )
            .bars(bars)
            .fit_y()
    });
    let summary = summary_of(page.outcome, |o| {
        let f = &o.failover;
        format!(
            "Failing over, worst case: every user reaches the standby after {} ({} to detect, {} for cached DNS answers); writes resume after {} ({} to detect, {} of go-ahead, {} to promote the replica).",
            format::seconds(f.users_on_standby_worst_s),
            format::seconds(f.users_path[0].s),
            format::seconds(f.users_path[1].s),
            format::seconds(f.database_promoted_worst_s),
            format::seconds(f.writes_path[0].s),
            format::seconds(f.writes_path[1].s),
            format::seconds(f.writes_path[2].s),
        )
    });
    view! {
        <Stage label="Failing over: how long, and what is lost">
            <StageControls slot>
                <Choices params field=P::INTERVAL/>
                <Slider params field=P::PROMOTION travel=(0.0, 1_800.0)/>
                <Slider params field=P::LAG travel=(0.0, 60.0)/>
            </StageControls>
            <StageFigures slot>
                <dl class="figures" class:invalid=move || invalid.get() aria-live="polite">
                    <Figure label="Every user reaches the standby" testid="users-worst" value=figure(|f| when(f.users_on_standby_worst_s))>
                        <dd>{figure(|f| format!("{} on average", format::seconds(f.users_on_standby_expected_s)))}</dd>
                    </Figure>
                    <Figure label="Recovery time (RTO)" testid="rto" value=figure(|f| when(f.rto_worst_s))>
                        <dd>{figure(|f| format!("{} on average", when(f.rto_expected_s)))}</dd>
                    </Figure>
                    <Figure label="Recovery point (RPO)" testid="rpo" value=figure(|f| format::seconds(f.rpo_s))>
                        <dd>"of writes, the replication lag"</dd>
                    </Figure>
                    <Figure label="Writes lost on a hard failover" testid="writes-lost" value=figure(|f| format::trimmed(f.writes_lost, 1))/>
                </dl>
            </StageFigures>
            <StageChart slot>
                <Chart spec summary testid="failover-chart"/>
            </StageChart>
        </Stage>
    }
}

/// The rest of failing over: the check's threshold, the DNS records, the write rate and the
/// human in the loop; the timeline in words.
#[component]
fn FailoverSection(page: Page<MultiRegion>) -> impl IntoView {
    let invalid = page.invalid();
    let lab = lab();
    let params = page.params;
    let alias = Signal::derive(move || params.with(|p| p.record == DnsRecord::Alias));
    let regions = page.from_ok(|o| Some(o.regions));
    let region = move |i: usize| move || regions().map(|r| r[i]).unwrap_or_default();
    let milestones = page.from_ok(|o| o.failover.milestones.clone());
    // The timeline's shape is its number of milestones; each text and bar is bound on its own.
    let steps = row_count(page.outcome, |o| &o.failover.milestones);
    let step =
        move |i, text| row_text(page.outcome, lab.cloud, |o| &o.failover.milestones, i, text);
    let timeline_summary = move || {
        let list: Vec<String> = milestones()
            .iter()
            .map(|m| format!("{} at {}", m.label, format::seconds(m.at_s)))
            .collect();
        format!("Failover timeline, worst case: {}.", list.join("; "))
    };
    view! {
        <Results invalid id="failover" heading="Failing over, step by step">
            <div class="choices">
                <Slider params field=P::THRESHOLD/>
                <Choices params field=P::RECORD/>
                <Slider params field=P::TTL travel=(0.0, 600.0) disabled=alias/>
            </div>
            <div class="choices">
                {numbers(params, &[P::EXTRA_CACHING, P::WRITES, P::DECISION])}
            </div>
            <h3>"The timeline, worst case"</h3>
            <ol class="timeline" data-testid="timeline" aria-label=timeline_summary>
                {indexed(steps.into(), Callback::new(move |i| view! {
                    <li>
                        <span class="timeline-at">{step(i, |m, _| when(m.at_s))}</span>
                        <span class="timeline-track"><span class="timeline-bar" style:width=step(i, |m, _| format!("{:.1}%", m.share * 100.0))></span></span>
                        <span class="timeline-label">{step(i, |m, _| m.label.into())}</span>
                    </li>
                }.into_any()))}
            </ol>
            <Why>
                <p>
                    {lab.name(Service::Dns)}" answers with the primary region ("{region(0)}") while its health check passes, and with the warm standby ("
                    {region(1)}") once it fails. Users move only when their resolver's cached answer expires; writes resume only when the standby's "
                    "cross-region replica has been promoted."
                </p>
                <p class="formula">{FORMULA}</p>
                <p class="note">{TIMING_NOTE}</p>
            </Why>
        </Results>
    }
}

#[component]
fn AvailabilitySection(page: Page<MultiRegion>) -> impl IntoView {
    let invalid = page.invalid();
    let params = page.params;
    let gain = page.from_ok(|o| Some(o.availability.clone()));
    let figure =
        move |f: fn(&AvailabilityGain) -> String| move || gain().map(|g| f(&g)).unwrap_or_default();
    view! {
        <Results invalid id="region-availability" heading="What it buys: availability toward 99.99 %">
            <div class="choices">
                <Number params field=P::OUTAGES/>
            </div>
            <dl class="figures">
                <Figure label="One region" testid="one-region" value=figure(|g| format::availability(g.one_region.availability))>
                    <dd>{figure(|g| format!("{} down a month", format::minutes(g.one_region.downtime_min_per_month)))}</dd>
                    <dd>{page.badge(&MultiRegion::ONE_REGION)}</dd>
                </Figure>
                <Figure label="Two regions, instant failover" testid="two-regions" value=figure(|g| format::percent(g.two_regions.availability, 5))>
                    <dd>{figure(|g| format!("{} down a month", format::minutes(g.two_regions.downtime_min_per_month)))}</dd>
                    <dd data-testid="two-regions-four-nines">{figure(|g| four_nines(g.two_regions_meets_four_nines, g, " even so"))}</dd>
                </Figure>
                <div>
                    <dt>"Failing over costs"</dt>
                    <dd class="big" data-testid="failover-minutes">{figure(|g| format::minutes(g.failover_min_per_month))}</dd>
                    <dd>{figure(|g| format!("a month; the primary is down {} in all, {} an outage",
                        format::minutes(g.primary_downtime_min_per_month), format::minutes(g.minutes_per_outage)))}</dd>
                </div>
                <Figure label="Two regions, with failover time" testid="effective" value=figure(|g| format::percent(g.effective_availability, 5))>
                    <dd>{figure(|g| format!("{} down a month", format::minutes(g.effective_downtime_min_per_month)))}</dd>
                    <dd data-testid="four-nines">{figure(|g| four_nines(g.meets_four_nines, g, ""))}</dd>
                    <dd>{page.badge(&MultiRegion::FOUR_NINES_BUDGET)}</dd>
                </Figure>
            </dl>
            <p>
                <a href="#/availability?regions=2" data-testid="availability-link">"Compose the two-region path in the availability demo"</a>
                " — block by block, with the error budget it leaves."
            </p>
            <Why><p>{AVAILABILITY_NOTE}</p></Why>
        </Results>
    }
}

/// Whether four nines hold, against the downtime they allow.
fn four_nines(meets: bool, g: &AvailabilityGain, so: &str) -> String {
    if meets {
        "meets 99.99 %".to_string()
    } else {
        format!(
            "short of 99.99 %{so} ({} a month allowed)",
            format::minutes(g.four_nines_budget_min)
        )
    }
}

#[component]
fn CostSection(page: Page<MultiRegion>) -> impl IntoView {
    let invalid = page.invalid();
    let lab = lab();
    let params = page.params;
    let cost = page.from_ok(|o| Some(o.cost.clone()));
    let figure =
        move |f: fn(&StandbyCost) -> String| move || cost().map(|c| f(&c)).unwrap_or_default();
    // The standby's lines are kept by their place; each cell is bound on its own.
    let lines = row_count(page.outcome, |o| &o.cost.rows);
    let line = move |i, text| row_text(page.outcome, lab.cloud, |o| &o.cost.rows, i, text);
    let spec = Memo::new(move |_| {
        let one = |label: &str, usd: Usd| Bar {
            label: label.into(),
            segments: vec![("one region".into(), usd.to_f64(), Tone::First)],
        };
        let two = |label: &str, usd: Usd, standby: Usd| Bar {
            label: label.into(),
            segments: vec![
                ("one region".into(), usd.to_f64(), Tone::First),
                ("standby region".into(), standby.to_f64(), Tone::Second),
            ],
        };
        let bars = cost()
            .map(|c| {
                vec![
                    one("on demand, 1 region", c.one_region_on_demand_usd),
                    two(
                        "on demand, 2 regions",
                        c.one_region_on_demand_usd,
                        c.standby_on_demand_usd,
                    ),
                    one("optimized, 1 region", c.one_region_optimized_usd),
                    two(
                        "optimized, 2 regions",
                        c.one_region_optimized_usd,
                        c.standby_optimized_usd,
                    ),
                ]
            })
            .unwrap_or_default();
        ChartSpec::new("", "$ a month")
            .y_unit(Unit::Usd)
            .bar_legend(&[
                ("one region", Tone::First),
                ("standby region", Tone::Second),
            ])
            .bars(bars)
            .fit_y()
    });
    let summary = summary_of(page.outcome, |o| {
        let c = &o.cost;
        format!(
            "A month on demand: {} in one region, {} in two. Optimized: {} in one, {} in two ({}× as much).",
            format::usd(c.one_region_on_demand_usd),
            format::usd(c.two_regions_on_demand_usd),
            format::usd(c.one_region_optimized_usd),
            format::usd(c.two_regions_optimized_usd),
            format::trimmed(c.optimized_ratio, 2)
        )
    });
    view! {
        <Results invalid id="standby-cost" heading="What it costs: a second always-on footprint">
            <div class="choices">
                <Number params field=P::STANDBY_TASKS/>
                <Toggle params field=P::STANDBY_MULTI_AZ/>
                <Toggle params field=P::REPLICATE_UPLOADS/>
            </div>
            <dl class="figures">
                <Figure label="One region, on demand" testid="one-on-demand" value=figure(|c| format::usd(c.one_region_on_demand_usd))>
                    <dd>{page.badge(&MultiRegion::ON_DEMAND)}</dd>
                </Figure>
                <Figure label="One region, optimized" testid="one-optimized" value=figure(|c| format::usd(c.one_region_optimized_usd))>
                    <dd>{page.badge(&MultiRegion::OPTIMIZED)}</dd>
                </Figure>
                <Figure label="Two regions, on demand" testid="two-on-demand" value=figure(|c| format::usd(c.two_regions_on_demand_usd))>
                    <dd>{figure(|c| format!("the standby adds {}", format::usd(c.standby_on_demand_usd)))}</dd>
                </Figure>
                <Figure label="Two regions, optimized" testid="two-optimized" value=figure(|c| format::usd(c.two_regions_optimized_usd))>
                    <dd>{figure(|c| format!("the standby adds {}: {}× the bill", format::usd(c.standby_optimized_usd), format::trimmed(c.optimized_ratio, 2)))}</dd>
                </Figure>
            </dl>
            <Chart spec summary testid="cost-chart"/>
            <ScrollBox label="The standby region's lines"><table data-testid="standby-bill">
                <caption>"The standby region's lines"</caption>
                <thead><tr>
                    <th scope="col">"line"</th><th scope="col">"detail"</th>
                    <th scope="col">"on demand"</th><th scope="col">"optimized"</th>
                </tr></thead>
                <tbody>
                    {indexed(lines.into(), Callback::new(move |i| view! {
                        <tr>
                            <th scope="row">{line(i, |r, cloud| r.line.name(cloud))}</th>
                            <td>{line(i, |r, _| r.detail.clone())}</td>
                            <td>{line(i, |r, _| format::usd(r.on_demand_usd))}</td>
                            <td>{line(i, |r, _| format::usd(r.optimized_usd))}</td>
                        </tr>
                    }.into_any()))}
                </tbody>
            </table></ScrollBox>
            <p>
                <a href="#/cost" data-testid="cost-link">"Open the cost demo"</a>
                " for the one-region bill line by line and the levers behind “optimized”."
            </p>
            <Why>
                <p>
                    "A warm standby runs all the time so that it can take over in minutes: its own tasks, database, cache, load balancer "
                    "and NAT gateways, priced with the cost demo's prices and levers."
                </p>
                <p class="note">{COST_NOTE}</p>
            </Why>
        </Results>
    }
}
