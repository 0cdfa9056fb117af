//! The demo's deep link: params to a query and back, with the load points' and policies' text.

use super::*;

/// Link format: `prof=custom&pts=0:1200,600:9000&hit=92&target=60&min=2&max=20&out=60&in=300&hi=15&pol=tt,hpa,fixed…`.
/// Shares are in percent, times in seconds, loads in req/s at the edge.
impl LinkState for AutoscalingParams {
    fn to_query(&self) -> String {
        let d = AutoscalingParams::default();
        let mut pairs = Vec::new();
        let mut number = |key, x: f64, default: f64, percent: bool| {
            if x != default {
                pairs.push((key, number_text(if percent { x * 100.0 } else { x })));
            }
        };
        number("load", self.edge_load_per_s, d.edge_load_per_s, false);
        number("spike", self.spike_factor, d.spike_factor, false);
        number("noise", self.noise, d.noise, true);
        number("hit", self.cdn_hit_ratio, d.cdn_hit_ratio, true);
        number(
            "cap",
            self.capacity_per_task_per_s,
            d.capacity_per_task_per_s,
            false,
        );
        number("target", self.cpu_target, d.cpu_target, true);
        if self.profile != d.profile {
            pairs.push(("prof", self.profile.slug().to_string()));
        }
        for (key, x, default) in [
            ("at", self.spike_start_s, d.spike_start_s),
            ("len", self.spike_length_s, d.spike_length_s),
            ("ramp", self.ramp_s, d.ramp_s),
            ("min", self.min_tasks, d.min_tasks),
            ("max", self.max_tasks, d.max_tasks),
            ("out", self.scale_out_cooldown_s, d.scale_out_cooldown_s),
            ("in", self.scale_in_cooldown_s, d.scale_in_cooldown_s),
            ("prov", self.provisioning_s, d.provisioning_s),
            (
                "hi",
                self.health_check_interval_s,
                d.health_check_interval_s,
            ),
            ("fixed", self.fixed_tasks, d.fixed_tasks),
            ("dur", self.duration_s, d.duration_s),
        ] {
            if x != default {
                pairs.push((key, x.to_string()));
            }
        }
        if self.seed != d.seed {
            pairs.push(("seed", self.seed.to_string()));
        }
        if self.scale_in_rule != d.scale_in_rule {
            pairs.push(("scalein", self.scale_in_rule.slug().to_string()));
        }
        if self.policies != d.policies {
            let slugs: Vec<&str> = self.policies.iter().map(|p| p.slug()).collect();
            pairs.push(("pol", slugs.join(",")));
        }
        if self.custom_points != d.custom_points {
            pairs.push(("pts", points_text(&self.custom_points)));
        }
        Query::encode(pairs)
    }

    fn from_query(query: &Query) -> (Self, Vec<Ignored>) {
        let mut p = AutoscalingParams::default();
        let mut r = LinkReader::new(query);
        let profiles = LoadProfile::ALL.map(|x| (x.slug(), x));
        if let Some(profile) = r.choice("prof", &profiles) {
            p.profile = profile;
        }
        if let Some(x) = r.number("load", 0.0, MAX_LOAD_PER_S) {
            p.edge_load_per_s = x;
        }
        if let Some(x) = r.number("spike", 0.0, 100.0) {
            p.spike_factor = x;
        }
        if p.edge_load_per_s * p.spike_factor > MAX_LOAD_PER_S {
            r.ignore(
                "spike",
                &number_text(p.spike_factor),
                format!("the peak would be above {MAX_LOAD_PER_S} req/s"),
            );
            p.spike_factor = 1.0;
        }
        for (key, field) in [
            ("at", &mut p.spike_start_s),
            ("len", &mut p.spike_length_s),
            ("ramp", &mut p.ramp_s),
        ] {
            if let Some(x) = r.whole(key, 0, MAX_DURATION_S) {
                *field = x;
            }
        }
        if let Some(text) = r.text("pts") {
            match parse_points(text) {
                Ok(points) => p.custom_points = points,
                Err(why) => r.ignore("pts", text, why),
            }
        }
        if let Some(x) = r.number("noise", 0.0, 50.0) {
            p.noise = from_percent(x);
        }
        if let Some(text) = r.text("seed") {
            match text.trim().parse::<u64>() {
                Ok(seed) => p.seed = seed,
                Err(_) => r.ignore("seed", text, "not a whole number".into()),
            }
        }
        if let Some(x) = r.number("hit", 0.0, 100.0) {
            p.cdn_hit_ratio = from_percent(x);
        }
        if let Some(x) = r.number("cap", 0.001, MAX_LOAD_PER_S) {
            p.capacity_per_task_per_s = x;
        }
        if let Some(x) = r.number("target", 1.0, 99.0) {
            p.cpu_target = from_percent(x);
        }
        let min = r.whole("min", 1, MAX_TASKS_LIMIT);
        let max = r.whole("max", 1, MAX_TASKS_LIMIT);
        let (min_tasks, max_tasks) = (min.unwrap_or(p.min_tasks), max.unwrap_or(p.max_tasks));
        if min_tasks <= max_tasks {
            p.min_tasks = min_tasks;
            p.max_tasks = max_tasks;
        } else if min.is_some() {
            r.ignore(
                "min",
                &min_tasks.to_string(),
                format!("above the maximum of {max_tasks} tasks"),
            );
        } else {
            r.ignore(
                "max",
                &max_tasks.to_string(),
                format!("below the minimum of {min_tasks} tasks"),
            );
        }
        for (key, field) in [
            ("out", &mut p.scale_out_cooldown_s),
            ("in", &mut p.scale_in_cooldown_s),
            ("prov", &mut p.provisioning_s),
        ] {
            if let Some(x) = r.whole(key, 0, MAX_DELAY_S) {
                *field = x;
            }
        }
        if let Some(x) = r.whole("hi", HEALTH_CHECK_INTERVAL_S.0, HEALTH_CHECK_INTERVAL_S.1) {
            p.health_check_interval_s = x;
        }
        let rules = ScaleInRule::ALL.map(|x| (x.slug(), x));
        if let Some(rule) = r.choice("scalein", &rules) {
            p.scale_in_rule = rule;
        }
        if let Some(text) = r.text("pol") {
            match parse_policies(text) {
                Ok(policies) => p.policies = policies,
                Err(why) => r.ignore("pol", text, why),
            }
        }
        if let Some(x) = r.whole("fixed", 1, MAX_TASKS_LIMIT) {
            p.fixed_tasks = x;
        }
        if let Some(x) = r.whole("dur", MIN_DURATION_S, MAX_DURATION_S) {
            p.duration_s = x;
        }
        (p, r.finish())
    }
}

/// Writes points as `0:1200,600:9000`, the form [`parse_points`] reads.
pub fn points_text(points: &[LoadPoint]) -> String {
    points
        .iter()
        .map(|pt| format!("{}:{}", pt.t_s, number_text(pt.edge_per_s)))
        .collect::<Vec<_>>()
        .join(",")
}

/// Reads `0:1200,600:9000`: seconds and edge req/s, in time order.
pub fn parse_points(text: &str) -> Result<Vec<LoadPoint>, String> {
    let mut points = Vec::new();
    for (i, item) in text.split(',').enumerate() {
        if i >= MAX_PROFILE_POINTS {
            return Err(format!("more than {MAX_PROFILE_POINTS} points"));
        }
        let bad = || format!("point {}: expected seconds:req/s, as 600:9000", i + 1);
        let (t, load) = item.trim().split_once(':').ok_or_else(bad)?;
        let t_s = t.trim().parse::<u32>().map_err(|_| bad())?;
        let edge_per_s = load.trim().parse::<f64>().map_err(|_| bad())?;
        points.push(LoadPoint { t_s, edge_per_s });
    }
    check_points(&points)?;
    Ok(points)
}

pub(super) fn parse_policies(text: &str) -> Result<Vec<Policy>, String> {
    let mut policies = Vec::new();
    for slug in text.split(',') {
        let policy = Policy::from_slug(slug.trim())
            .ok_or_else(|| format!("unknown policy '{slug}': expected tt, hpa or fixed"))?;
        if policies.contains(&policy) {
            return Err(format!("'{slug}' is listed twice"));
        }
        policies.push(policy);
    }
    Ok(policies)
}
