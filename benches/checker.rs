//! Benchmark: one rule-checker pass over a 7-day plan of 150 blocks, against a budget of 1 ms.
//! Run with `make bench` (or `cargo bench --bench checker`). Prints the figures; exits non-zero
//! over budget.

use intensive_planner::core::edit::{place_kap, KapTarget};
use intensive_planner::core::model::{
    parse_date, Attendees, Block, BlockKind, Day, KapRecord, Member, Participants, Plan, Settings,
    Time,
};
use intensive_planner::core::rules::check;
use intensive_planner::core::text::Lang;
use std::hint::black_box;
use std::time::Instant;

const BUDGET_MICROS: f64 = 1000.0;

/// 7 days x 21 blocks of 25 minutes with 5-minute gaps from 08:00, then the KAP bundle placed
/// midway (which moves blocks around it): about 150 blocks.
fn large_plan() -> Plan {
    let mut id = 0;
    let days = (0..7)
        .map(|_| Day {
            blocks: (0..21)
                .map(|i| {
                    id += 1;
                    let start = 8 * 60 + i * 30;
                    let kind = [
                        BlockKind::JointSession,
                        BlockKind::IndividualSession,
                        BlockKind::Break,
                    ][i as usize % 3];
                    Block {
                        id,
                        start: Time::from_minutes(start).unwrap_or(Time::END_OF_DAY),
                        end: Time::from_minutes(start + 25).unwrap_or(Time::END_OF_DAY),
                        kind,
                        title: format!("Block {id}"),
                        attendees: Attendees::usual(
                            kind,
                            Attendees::of(&[Member::PartnerA, Member::PartnerB]),
                        ),
                        notes: String::new(),
                        travel: i == 20,
                    }
                })
                .collect(),
        })
        .collect();
    let plan = Plan {
        id: "bench".into(),
        title: "Benchmark".into(),
        participants: Participants::Couple {
            partner_a: "A".into(),
            partner_b: "B".into(),
        },
        team: Default::default(),
        start_date: parse_date("2026-12-01").unwrap_or_default(),
        day_start: Time::hm(8, 0).unwrap_or(Time::END_OF_DAY),
        day_end: Time::hm(19, 0).unwrap_or(Time::END_OF_DAY),
        time_zone: "UTC".into(),
        language: Lang::En,
        couple_zone: None,
        settings: Settings::default(),
        kap: KapRecord::default(),
        days,
    };
    place_kap(&plan, KapTarget::Midway).unwrap_or(plan)
}

fn main() {
    let plan = large_plan();
    let blocks = plan.blocks().count();
    let findings = check(&plan).len();
    // Warm up, then time batches and keep the median batch.
    for _ in 0..200 {
        black_box(check(black_box(&plan)));
    }
    let batch = 200;
    let mut per_pass: Vec<f64> = (0..30)
        .map(|_| {
            let start = Instant::now();
            for _ in 0..batch {
                black_box(check(black_box(&plan)));
            }
            start.elapsed().as_secs_f64() * 1e6 / f64::from(batch)
        })
        .collect();
    per_pass.sort_by(f64::total_cmp);
    let median = per_pass[per_pass.len() / 2];
    let worst = per_pass[per_pass.len() - 1];
    println!(
        "checker: {} days, {blocks} blocks, {findings} findings",
        plan.days.len()
    );
    println!(
        "checker: median {median:.1} µs per pass, slowest batch {worst:.1} µs; budget {BUDGET_MICROS:.0} µs ({:.1}% of budget): {}",
        100.0 * median / BUDGET_MICROS,
        if median <= BUDGET_MICROS { "within budget" } else { "OVER budget" }
    );
    if median > BUDGET_MICROS {
        std::process::exit(1);
    }
}
