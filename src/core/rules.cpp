#include "roll/rules.hpp"

#include <algorithm>
#include <array>

namespace roll {

namespace {

constexpr std::string_view kFirst = "first article: back-stretches-using-foam-roller";
constexpr std::string_view kSecond = "second article: foam-rolling-upper-back-health";
constexpr std::string_view kFirstAndSecond =
    "first article: back-stretches-using-foam-roller; second article: "
    "foam-rolling-upper-back-health";

constexpr std::array kRules = {
    Rule{
        "no-lumbar",
        Severity::error,
        RuleKind::safety,
        "no step on the roller over the lumbar spine / lower back, under any alias",
        "The lower back has no rib cage to spread the load: direct pressure makes the quadratus "
        "lumborum and paraspinals guard, can inflame a disc problem, and (second article) puts the "
        "kidneys at risk. Both articles agree. The rule looks at every step on the roller: a "
        "hold, roll or pivot, and also a stretch or a rest with a zone, unless it says "
        "`on_roller = false`. Moving the lower back off the roller, such as cat-cow "
        "(`kind = \"movement\"`), is fine. Aliases such as \"Lower Back\", \"low_back\", \"QL\" "
        "or \"sacrum\" are the same zone.",
        kFirstAndSecond,
        "\"If you are taking that foam roller and shoving it directly into the arch of your lower "
        "back (the lumbar spine), you are asking for trouble.\" / \"For the lower back, foam "
        "rolling is not a good option.\"",
        "[[step]]\nname = \"Low back roll\"\nkind = \"roll\"\nzone = \"lower back\"\nseconds = "
        "60\n",
        "[[step]]\nname = \"Glute connection\"\nkind = \"hold\"\nzone = \"glutes\"\nside = "
        "\"both\"\nseconds = 60\n\n[[step]]\nname = \"Cat-cow\"\nkind = \"movement\"\nzone = "
        "\"lumbar\"\nseconds = 60\n",
        "work the areas above and below instead (thoracic, glutes, hips); moving the lower back "
        "off the roller (cat-cow, `kind = \"movement\"`) is fine",
    },
    Rule{
        "no-neck",
        Severity::error,
        RuleKind::safety,
        "no step on the roller under the neck (cervical spine), under any alias",
        "The second article says plainly not to roll on the neck; the first says to support the "
        "head with the hands and not to pull on the neck. That a stiff neck is eased by opening "
        "the thoracic spine below it is roll's own reading of the first article, which says a "
        "stiff thoracic spine \"forces your neck to strain upward\". Like no-lumbar, the rule "
        "looks at every step on the roller, stretches and rests included.",
        kSecond,
        "\"Do not roll on the neck or low back.\"",
        "[[step]]\nname = \"Neck roll\"\nkind = \"roll\"\nzone = \"cervical\"\nseconds = 30\n",
        "[[step]]\nname = \"Thoracic extension\"\nkind = \"hold\"\nzone = \"thoracic\"\nbreaths = "
        "3\npositions = 4\n",
        "roll the thoracic spine below the neck instead, hands supporting the head",
    },
    Rule{
        "no-joints",
        Severity::error,
        RuleKind::safety,
        "no step on the roller on a knee, ankle or elbow",
        "Rolling over small joints strains and stretches them; the roller belongs on muscle "
        "bellies and the trunk. Every step on the roller counts, stretches and rests included.",
        kSecond,
        "\"Foam rolling puts excessive strain and stretch on smaller joints like the knees, "
        "ankles, and elbows.\"",
        "[[step]]\nname = \"Knee roll\"\nkind = \"roll\"\nzone = \"knee\"\nseconds = 30\n",
        "[[step]]\nname = \"Quad roll\"\nkind = \"roll\"\nzone = \"quads\"\nseconds = 30\n",
        "move the roller onto the muscle above or below the joint (quads, calves, hamstrings)",
    },
    Rule{
        "pressure-zone",
        Severity::error,
        RuleKind::safety,
        "a step on the roller names the zone it presses; `full-body` (or no zone) cannot be on "
        "the roller",
        "The zone rules can only keep the roller off the lower back, the neck and the joints if "
        "each step on the roller says where the roller is. A roll \"from the tailbone to the "
        "skull\" over `full-body` crosses both forbidden zones of the spine. `full-body` is for "
        "movement off the roller; a step that is off the roller and is not a movement says "
        "`on_roller = false`. A roller lying along the spine (`along = \"spine\"`, the second "
        "article's snow angels) presses the thoracic spine, so such a step says `zone = "
        "\"thoracic\"`: the injury gate and the bone caution then see it.",
        kSecond,
        "\"Avoid using it on most joints and the low back\" / \"Do not roll on the neck or low "
        "back.\"",
        "[[step]]\nname = \"Spine roll\"\nkind = \"roll\"\nzone = \"full-body\"\nseconds = 60\n",
        "[[step]]\nname = \"Back roll\"\nkind = \"roll\"\nzone = \"thoracic\"\nreps = "
        "12\nrep_seconds = 5\npositions = 2\n",
        "name the zone under the roller (e.g. `zone = \"thoracic\"`); only a step really done "
        "off the roller says `on_roller = false`",
    },
    Rule{
        "name-zone",
        Severity::error,
        RuleKind::safety,
        "a step on the roller is named after a forbidden zone (lower back, neck, knee, ankle, "
        "elbow) that is not its zone",
        "A step called \"Lumbar roll\" with `zone = \"thoracic\"` will be done on the lower back "
        "by anyone who reads the screen. The rule reads only the `name` of steps on the roller, "
        "word by word, with the zone aliases (\"low back\", \"QL\", \"c-spine\", \"kneecap\"...), "
        "and fires when the name names a forbidden zone and does not also name the step's own "
        "zone: \"Glutes for a happier lower back\" on `glutes` is fine. It never reads cues: a cue "
        "is an instruction and often says \"do not roll the low back\".",
        kFirst,
        "\"You don't fix a lower back issue by attacking the lower back; you fix it by opening up "
        "the areas above and below it.\"",
        "[[step]]\nname = \"Lumbar roll\"\nkind = \"roll\"\nzone = \"thoracic\"\nseconds = "
        "30\npositions = 4\n",
        "[[step]]\nname = \"Glutes for a happier lower back\"\nkind = \"hold\"\nzone = "
        "\"glutes\"\nside = \"both\"\nseconds = 60\n",
        "name the step after the zone the roller is on (and keep the roller off the forbidden "
        "one)",
    },
    Rule{
        "move-direction",
        Severity::error,
        RuleKind::safety,
        "a step's positions walk the roller toward the lumbar spine or past the top of the "
        "shoulders (`move`)",
        "The way the roller goes between a step's positions is what `move` declares (up toward "
        "the head, down toward the feet, across the muscle), and it must never walk toward the "
        "lower back or the neck. From where each zone's steps start: the mid-back climbs up from "
        "the base of the rib cage, never down (below it is the lumbar spine), and at most 12 "
        "one-inch positions (the first article's climb ends at the top of the shoulders; the 12 "
        "is roll's own reading of an adult's thoracic spine, roughly 25-30 cm); the lats start in "
        "the armpit and go down the side at most 6 positions (roll's own reading: about where the "
        "lowest rib is; past it is the quadratus lumborum, which roll counts as lumbar), never up; "
        "the glutes and hips never go up (toward the sacrum); the rhomboids and traps neither up "
        "(the neck) nor down (the lumbar spine), the shoulders and chest never up; a roller lying "
        "along the spine only across. `across` is fine everywhere. Those starts and limits are "
        "roll's own reading, not an article's. A roll's travel within one repetition is not a "
        "position: the second article's back roll, up and down the mid-back, stays allowed. A "
        "step without `move` names no direction, so this rule cannot judge it; roll's words then "
        "say only \"shift the roller to the next spot\".",
        kFirstAndSecond,
        "\"Start with the roller at the base of your rib cage... Move the roller up one inch. "
        "Repeat. Do this until you reach the top of your shoulders.\" / \"Do not roll on the neck "
        "or low back.\"",
        "move = \"down\"\n",
        "move = \"up\"\n",
        "walk the mid-back up from the base of the rib cage (12 positions at most), the lats "
        "down from the armpit (6 at most), the glutes and hips across; or give the step one "
        "position",
    },
    Rule{
        "intensity-cap",
        Severity::error,
        RuleKind::safety,
        "`intensity` above 7 of 10",
        "Pressure beyond a \"good hurt\" makes the body guard instead of release and causes "
        "micro-trauma. Only the first article gives a number, and as a target: \"around a 6 or "
        "7\"; the second gives none and says a little pain or discomfort is okay as long as you "
        "can stay in control of it. Making 7 a ceiling that no step may ask above is roll's own "
        "reading of that target.",
        kFirst,
        "\"On a scale of 1 to 10, the 'pain' should be around a 6 or 7. It should feel like a "
        "'good hurt.'\"",
        "intensity = 9\n",
        "intensity = 6\n",
        "ask for 7 of 10 at most (the first article's target is around a 6 or 7): "
        "`intensity = 7`",
    },
    Rule{
        "injury-wait",
        Severity::error,
        RuleKind::safety,
        "`resume_after_injury_hours` below 48",
        "A fresh injury is already inflamed and rolling it adds to the inflammation. The first "
        "article asks for 48 to 72 hours; the second adds that after trauma a fracture must be "
        "ruled out first. 48 h is the floor, 72 h the safer choice. Which other zones an injury "
        "also keeps the roller off (its neighbours, listed below) is roll's own reading, not an "
        "article's: the first article ties only the glutes to the back, through the "
        "thoracolumbar fascia; roll follows the same idea along the chain.",
        kFirst,
        "\"Wait at least 48 to 72 hours until the acute pain has subsided.\"",
        "resume_after_injury_hours = 24\n",
        "resume_after_injury_hours = 72\n",
        "write at least 48, better 72: `resume_after_injury_hours = 72`",
    },
    Rule{
        "slow-tempo",
        Severity::warning,
        RuleKind::technique,
        "a fast roll or pivot (`tempo = \"fast\"`, or a repetition under 4 s) outside a `warm-up`",
        "Fast rolling raises blood flow, which suits a warm-up, but releasing tissue needs slow, "
        "sustained pressure. The second article agrees: its pivots are \"slow and controlled\", "
        "breathing out as you push down. The rule reads the numbers as well as the word: a `roll` "
        "or a `pivot` timed in `reps` whose `rep_seconds` is under 4 is fast, whatever `tempo` "
        "says. Neither article gives a speed: the 4 s is roll's own reading. A roll's repetition "
        "goes along the zone and back, and at about an inch a second (what roll calls slow) 4 s "
        "covers only two inches each way; a pivot's is one push down on a slow breath out and "
        "back, which takes no less. The first article's tiny one-inch oscillations (the "
        "rib roll) stay on one spot and are timed in `seconds`, not `reps`.",
        kFirst,
        "\"Fast rolling increases blood flow, which is great for a warm-up, but it doesn't do much "
        "for deep tissue release.\"",
        "purpose = \"release\"\n# ...\nkind = \"roll\"\ntempo = \"fast\"\n",
        "purpose = \"release\"\n# ...\nkind = \"roll\"\ntempo = \"slow\"\n",
        "use `tempo = \"slow\"` and `rep_seconds` of 4 or more, or set `purpose = \"warm-up\"` "
        "if this is a warm-up",
    },
    Rule{
        "two-minute-zone",
        Severity::warning,
        RuleKind::technique,
        "a major zone (thoracic, lats, glutes) on the roller gets under 120 s in all",
        "Less than two minutes on a major zone is not enough to trigger the neurological release "
        "that rolling works through. The second article's \"no more than 30 seconds on each "
        "spot\" is about one spot, not the zone: reach two minutes over several positions. Every "
        "step on the roller over the zone counts, stretches included.",
        kFirst,
        "\"Spend at least two minutes on each major 'zone' (Thoracic, Lats, Glutes). Anything "
        "less isn't enough to trigger a neurological release.\"",
        "[[step]]\nname = \"Thoracic extension\"\nzone = \"thoracic\"\nseconds = 60\n",
        "[[step]]\nname = \"Thoracic extension\"\nzone = \"thoracic\"\nseconds = 30\npositions = "
        "4\n",
        "give the zone at least 120 s in all, e.g. more `positions` or a second step",
    },
    Rule{
        "lat-per-side",
        Severity::warning,
        RuleKind::technique,
        "the lats get under 60 s on the roller per side",
        "The lat release needs time on each side to work. A lat step with `side = \"both\"` counts "
        "for each side; one without a side counts half its time for each.",
        kFirst,
        "\"Spend at least 60 seconds on each side.\"",
        "[[step]]\nname = \"Lat release\"\nzone = \"lats\"\nside = \"left\"\nseconds = 120\n",
        "[[step]]\nname = \"Lat release\"\nzone = \"lats\"\nside = \"both\"\nseconds = 60\n",
        "give each side at least 60 s: `side = \"both\"` with `seconds = 60`",
    },
    Rule{
        "move-after",
        Severity::warning,
        RuleKind::technique,
        "under three minutes of movement after the last step on the roller",
        "Rolling opens a short window of lower muscle tone; without movement right after, the "
        "brain resets the tension within twenty minutes. Moving through the full range teaches "
        "the nervous system the new range is safe. The first article asks for three minutes: "
        "the rule adds up the `kind = \"movement\"` steps after the last step on the roller (both "
        "sides, every position; get-ready time not counted) and wants 180 s.",
        kFirst,
        "\"Move immediately after: Spend three minutes doing active stretches like 'Thread the "
        "Needle' to lock in the mobility gains.\"",
        "[[step]]\nname = \"Thoracic extension\"\nzone = \"thoracic\"\nseconds = 30\npositions = "
        "4\n\n[[step]]\nname = \"Cat-cow\"\nkind = \"movement\"\nzone = \"full-body\"\nseconds = "
        "60\n# (end)\n",
        "[[step]]\nname = \"Thoracic extension\"\nzone = \"thoracic\"\nseconds = 30\npositions = "
        "4\n\n[[step]]\nname = \"Cat-cow and thread the needle\"\nkind = \"movement\"\nzone = "
        "\"full-body\"\nseconds = 180\n# (end)\n",
        "end with three minutes of `kind = \"movement\"`, such as cat-cow, bird-dogs and thread "
        "the needle (`roll lint --fix` appends them)",
    },
    Rule{
        "beginner-spot",
        Severity::warning,
        RuleKind::technique,
        "a `beginner` routine keeps one spot (one position, one side) on the roller over 30 s",
        "A beginner should start slow and small. The 30 s limit applies to one pass of a step: "
        "one side at one position. Spreading the same time over more positions keeps the total "
        "(and the first article's two minutes per zone) without overloading one spot. It is about "
        "one spot: a `roll` travels along the zone, so it is not one spot, and the article "
        "exempts stretches (\"unless it's just a stretch\"). The bundled beginner routine also "
        "asks for nothing above 5 of 10: that number is roll's own reading, not an article's "
        "(the second says start slow and small; the first's \"around a 6 or 7\" is a target for "
        "everyone). A session keeps to it too: `+` lengthens a beginner's spot (the profile's "
        "level or the routine's) to 30 s at most and says why, and a beginner is told to ease "
        "off above 5.",
        kSecond,
        "\"Try one 5 minute session, with no more than 30 seconds of focus on each spot (unless "
        "it's just a stretch).\"",
        "level = \"beginner\"\nroller = \"soft\"\n# ...\nzone = \"thoracic\"\nseconds = 60\n",
        "level = \"beginner\"\nroller = \"soft\"\n# ...\nzone = \"thoracic\"\nseconds = "
        "30\npositions "
        "= 4\n",
        "keep each spot at 30 s or less and use more `positions`",
    },
    Rule{
        "beginner-length",
        Severity::warning,
        RuleKind::technique,
        "a `beginner` routine spends more than 5 minutes on the roller",
        "The second article's first session is one 5-minute session. The time counted is the "
        "time on the roller, as `roll show` times it: get-ready transitions and movement off the "
        "roller do not count, so a beginner routine can still end with the first article's three "
        "minutes of movement.",
        kSecond,
        "\"Start slow and small when you start using a foam roller. Try one 5 minute session, "
        "with no more than 30 seconds of focus on each spot.\"",
        "level = \"beginner\"\nroller = \"soft\"\n# ...\nzone = \"thoracic\"\nseconds = "
        "30\npositions "
        "= 12\n",
        "level = \"beginner\"\nroller = \"soft\"\n# ...\nzone = \"thoracic\"\nseconds = "
        "30\npositions "
        "= 4\n",
        "keep a beginner's time on the roller to 5 minutes; build up later with a routine of "
        "another level",
    },
    Rule{
        "beginner-roller",
        Severity::warning,
        RuleKind::technique,
        "a `beginner` routine uses anything but a `soft` roller (medium, firm, textured, ball, "
        "peanut)",
        "The articles disagree. The first tells beginners to stay away from high-density and "
        "spiked rollers and to start with a softer one; the second finds that a smooth, stiff, 6-"
        "inch roller works best for the upper back, and a softer one for those sensitive to "
        "pressure. roll takes the safer reading as its own: a beginner starts on a soft roller, "
        "so `medium` is flagged as well as `firm` and `textured`. A `ball` or a `peanut` is "
        "flagged too, by roll's own reading: it puts the same weight on a much smaller spot, and "
        "the first article offers the peanut for specific spots once the roller is \"too broad\", "
        "not as a first tool (with a peanut, the spine sits in its gap, which protects the "
        "spinous processes). The profile's roller counts too: `roll session` and `roll lint "
        "--profile` judge a beginner's routine with the roller the profile names.",
        kFirstAndSecond,
        "\"If you're a beginner, stay away from those black, high-density rollers or the ones with "
        "giant plastic spikes... Start with a softer, white or blue polyethylene roller.\" / \"For "
        "the upper back, a smooth, stiff, 6\" diameter, 36\" length roller typically works best. "
        "If you are sensitive to pressure you may consider a softer option.\"",
        "level = \"beginner\"\nroller = \"medium\"\n",
        "level = \"beginner\"\nroller = \"soft\"\n",
        "use `roller = \"soft\"` for a beginner routine",
    },
    Rule{
        "session-length",
        Severity::warning,
        RuleKind::technique,
        "the whole routine runs longer than 15 minutes",
        "The two articles disagree on the dose, and roll says both: the second aims for 10-15 "
        "minutes, 1-4 times a day (up to four when treating a specific problem); the first says "
        "five minutes of slow work every night is worth more than a grueling hour once a month. "
        "The rule takes the second's 15 minutes as the most for one session. The time counted is "
        "the one `roll show` prints, get-ready transitions included (5 s before each step and 3 s "
        "before each side or position: roll's own).",
        kSecond,
        "\"Find what works best for you and aim for 10-15 minutes, 1-4 times per day.\"",
        "[[step]]\nname = \"Thoracic extension\"\nzone = \"thoracic\"\nseconds = 600\nside = "
        "\"both\"\n",
        "[[step]]\nname = \"Thoracic extension\"\nzone = \"thoracic\"\nseconds = 60\nside = "
        "\"both\"\n",
        "shorten the steps, or split the routine into two sessions",
    },
    Rule{
        "rep-range",
        Severity::warning,
        RuleKind::technique,
        "`reps` outside 10-15",
        "The second article doses every repeated technique (pivots, back roll, snow angels, lat "
        "rolls) at 10-15 repetitions. Why fewer or more is worse is roll's own reading, not the "
        "article's, which gives the range without a reason: fewer does little, more turns control "
        "into fatigue.",
        kSecond,
        "\"Complete the move 10-15 times at each problem spot.\"",
        "reps = 30\n",
        "reps = 12\n",
        "use 10 to 15 `reps`",
    },
    Rule{
        "breath-hold",
        Severity::warning,
        RuleKind::technique,
        "a step on the roller holds the breath 4 s or more",
        "A held breath keeps the muscle guarded, so it will not release. A short pause at the top "
        "or bottom of a breath is natural; from 4 s on roll counts it as holding the breath. The "
        "4 s is roll's own reading, not an article's (the article gives no number). The rule "
        "looks at `hold_in` and `hold_out` of every step on the roller with a breath pattern, "
        "pivots and steps timed in `reps` included.",
        kFirst,
        "\"Breathe. If you hold your breath, your nervous system won't let the muscle release.\"",
        "breath = { inhale = 4, hold_in = 5, exhale = 6 }\n",
        "breath = { inhale = 4, hold_in = 1, exhale = 6 }\n",
        "keep `hold_in` and `hold_out` under 4 s, and breathe out slowly instead",
    },
    Rule{
        "unknown-pose",
        Severity::warning,
        RuleKind::technique,
        "a step's `pose` names no pose this roll draws",
        "The figure shows where the roller goes and how the body lies on it, and the first "
        "article's point is that this technique decides whether rolling helps or hurts. A `pose` "
        "roll does not know (a typo, or a pose added in a later roll, which is why it still "
        "loads) cannot be drawn: the step shows the figure of the default rule instead (from its "
        "kind, zone, side and `along`, routines/README.md), which may be another technique than "
        "its cue describes. The nearest pose name is suggested; names are exact, lower-case and "
        "joined by '-'.",
        kFirst,
        "\"Back stretches using foam roller: Why your technique is probably making your pain "
        "worse\" / \"Place the roller horizontally across your mid-back, right around the bottom "
        "of your shoulder blades.\"",
        "pose = \"thoracic-extention\"\n",
        "pose = \"thoracic-extension\"\n",
        "name one of the poses roll draws (routines/README.md, docs/poses), or remove `pose` for "
        "the default figure",
    },
    Rule{
        "allow-safety",
        Severity::warning,
        RuleKind::meta,
        "an `allow` list names a rule that cannot be silenced",
        "Safety rules (no-lumbar, no-neck, no-joints, pressure-zone, name-zone, move-direction, "
        "intensity-cap, injury-wait) are never silenced: listing one in `allow` changes nothing, "
        "so it is reported to keep anyone from believing it did.",
        "",
        "",
        "[lint]\nallow = [\"no-lumbar\"]\n",
        "[lint]\nallow = [\"session-length\"]\n",
        "remove it from `allow` and fix the step instead",
    },
    Rule{
        "allow-unknown",
        Severity::warning,
        RuleKind::meta,
        "an `allow` list names a rule that does not exist",
        "A misspelt rule name silences nothing; it is reported with the nearest rule name.",
        "",
        "",
        "[lint]\nallow = [\"session-lenght\"]\n",
        "[lint]\nallow = [\"session-length\"]\n",
        "run `roll rules` for the names",
    },
    // A prescription's rules (prescription_lint.cpp); their examples are prescription text.
    Rule{
        "prescription-frequency",
        Severity::error,
        RuleKind::safety,
        "a prescription schedules more than 4 sessions a day",
        "The second article's dose is 10-15 minutes, 1-4 times a day, and up to four only to "
        "treat a specific injury or problem area. A schedule beyond it is not one roll will "
        "follow; a session a day more than that is more pressure on the same tissue, not more "
        "benefit (roll's own reading: the article gives no reason for its limit).",
        kSecond,
        "\"Find what works best for you and aim for 10-15 minutes, 1-4 times per day. You might "
        "choose up to 4 times per day if you are trying to treat and recover from a specific "
        "injury or problem area.\"",
        "times_per_day = 6\n",
        "times_per_day = 2\n",
        "prescribe 1 to 4 sessions a day: `times_per_day = 2`",
    },
    Rule{
        "prescription-level",
        Severity::error,
        RuleKind::safety,
        "a prescription for a beginner names an advanced routine",
        "A beginner starts slow and small: the beginner rules keep a spot under 30 s and a first "
        "session under 5 minutes on the roller, and an advanced routine is written for none of "
        "that. An intermediate routine for a beginner is the clinician's call (roll warns at the "
        "session, as for anyone whose profile says beginner); advanced is refused.",
        kSecond,
        "\"Start slow and small when you start using a foam roller.\"",
        "level = \"beginner\"\nroutines = [\"deep-thoracic.toml\"]  # level = \"advanced\"\n",
        "level = \"beginner\"\nroutines = [\"mid-back-extension\"]\n",
        "prescribe a beginner routine, or set the patient's `level` as the clinician judges it",
    },
    Rule{
        "prescription-routine",
        Severity::error,
        RuleKind::structure,
        "a prescription names a routine roll cannot find",
        "A prescription names each routine by its name (a bundled routine, or one of the user's "
        "own, as `roll session NAME` finds it) or as a .toml file in the prescription's own "
        "folder. One that is neither cannot be followed, so the whole prescription is refused "
        "rather than followed in part.",
        "",
        "",
        "routines = [\"mid-bakc-extension\"]\n",
        "routines = [\"mid-back-extension\"]\n",
        "name a routine `roll list` shows, or put the routine file beside the prescription",
    },
    Rule{
        "prescription-routine-lint",
        Severity::error,
        RuleKind::safety,
        "a prescription names a routine that fails `roll lint`",
        "`roll session` refuses a routine with lint errors, so a prescription naming one could "
        "never be followed; worse, it would tell the patient to do what the linter exists to "
        "prevent. The routine is linted as the patient would do it, at the prescription's level. "
        "Its own findings are printed by `roll lint` on the routine itself.",
        kFirstAndSecond,
        "\"If you are taking that foam roller and shoving it directly into the arch of your lower "
        "back (the lumbar spine), you are asking for trouble.\"",
        "routines = [\"low-back.toml\"]  # a step on zone \"lumbar\"\n",
        "routines = [\"glutes\"]\n",
        "fix the routine until `roll lint` passes it, or prescribe another",
    },
    Rule{
        "prescription-dates",
        Severity::error,
        RuleKind::structure,
        "a prescription ends before it starts",
        "`until` is the last day of the prescription and `from` the first, both included; an "
        "`until` before `from` is a typing mistake that would leave no day prescribed.",
        "",
        "",
        "from = 2026-11-30\nuntil = 2026-11-02\n",
        "from = 2026-11-02\nuntil = 2026-11-29\n",
        "make `until` the same day as `from` or later",
    },
    Rule{
        "prescription-schema",
        Severity::error,
        RuleKind::structure,
        "a prescription's key is missing, unknown, of the wrong type or out of range",
        "The file begins `prescription = 1` but is not a prescription of format 1 (see "
        "docs/prescriptions.md). Every problem is reported, not just the first.",
        "",
        "",
        "times_per_day = \"twice\"\n",
        "times_per_day = 2\n",
        "follow the help of each diagnostic",
    },
    Rule{
        "syntax",
        Severity::error,
        RuleKind::structure,
        "the file is not valid TOML",
        "The routine cannot be read at all; the position is where the TOML parser stopped.",
        "",
        "",
        "title = \"Evening mid-back\nlevel = \"beginner\"\nroller = \"soft\"\n",
        "title = \"Evening mid-back\"\nlevel = \"beginner\"\nroller = \"soft\"\n",
        "see https://toml.io/en/v1.0.0",
    },
    Rule{
        "schema",
        Severity::error,
        RuleKind::structure,
        "a key is missing, unknown, of the wrong type or out of range",
        "The file is TOML but not a routine of format v1 (see routines/README.md). Every problem "
        "is reported, not just the first.",
        "",
        "",
        "seconds = \"thirty\"\n",
        "seconds = 30\n",
        "follow the help of each diagnostic",
    },
    Rule{
        "unknown-zone",
        Severity::error,
        RuleKind::structure,
        "a step names a zone roll does not know",
        "Zones are a fixed vocabulary so that the safety rules can recognise every spelling of a "
        "forbidden zone. The nearest known zone is suggested.",
        "",
        "",
        "zone = \"mid-bakc\"\n",
        "zone = \"mid-back\"\n",
        "use a known zone or one of its aliases (routines/README.md)",
    },
    Rule{
        "io",
        Severity::error,
        RuleKind::structure,
        "a file or directory cannot be read",
        "Missing, unreadable, not a regular file, or over the 1 MiB limit for routines.",
        "",
        "",
        "roll lint no-such-file.toml\n",
        "roll lint routines/\n",
        "check the path and that the file is readable",
    },
};

}  // namespace

const char* rule_kind_name(RuleKind kind) {
  switch (kind) {
    case RuleKind::safety:
      return "safety";
    case RuleKind::technique:
      return "technique";
    case RuleKind::structure:
      return "structure";
    case RuleKind::meta:
      return "meta";
  }
  return "safety";
}

std::span<const Rule> all_rules() {
  return kRules;
}

const Rule* find_rule(std::string_view name) {
  auto it = std::find_if(kRules.begin(), kRules.end(),
                         [&](const Rule& rule) { return rule.name == name; });
  return it == kRules.end() ? nullptr : &*it;
}

}  // namespace roll
