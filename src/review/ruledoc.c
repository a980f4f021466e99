/*
 * ruledoc.c — the documentation of every built-in finding id and its three
 * renderings (explain text, rule list, man(7) DIAGNOSTICS).  See
 * ruledoc.h.  The table is the one place a finding is described, one row
 * per enum pg_finding (base/finding.h gives the id and severity): edit it
 * here and `plangen explain`, SARIF output and plangen(1) follow.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "review/ruledoc.h"
#include "base/strbuf.h"

/*
 * One row per finding id, indexed by enum pg_finding: the id and the
 * severity are those of finding.h's list; the row gives the words.
 */
const struct pg_ruledoc pg_ruledocs[PG_F_COUNT] = {
[PG_F_XML_SYNTAX] = { PG_F_XML_SYNTAX,
  { "The file is not well-formed UTF-8 XML",
    "文件不是格式正确的 UTF-8 XML" },
  { "The file must be well-formed XML 1.0 saved as UTF-8: every tag closed, "
    "attribute values quoted, no DOCTYPE, no entities other than the five "
    "predefined ones. Reading stops at the first such error, so no other "
    "rule runs.",
    "文件必须是以 UTF-8 保存、格式正确的 XML 1.0：每个标签都要闭合，属性值要加引号，"
    "不得有 DOCTYPE，除五个预定义实体外不得使用其他实体。遇到第一个此类错误即停止读取，"
    "其他规则都不会运行。" },
  { "Nothing else can be reviewed or rendered until the file can be read; "
    "leadership would receive no plan at all.",
    "文件无法读取，就无法审阅或排版；领导层将收不到任何计划。" },
  { "Go to the reported line (the real mistake is often just before it): close "
    "the open tag, quote the attribute, write & as &amp; and < as &lt;, and "
    "save the file as UTF-8 (not UTF-16 or GBK).",
    "到报告的行（真正的错误常在它之前）：闭合未闭合的标签，给属性值加引号，把 & 写成 &amp;、"
    "< 写成 &lt;，并以 UTF-8（不是 UTF-16 或 GBK）保存文件。" } },
[PG_F_SCHEMA] = { PG_F_SCHEMA,
  { "The document does not match the plan format",
    "文档不符合计划格式" },
  { "Every element and attribute must be one the plan format defines, in the "
    "right place and order, with required children present, enumerations "
    "spelt exactly (e.g. type=\"quantitative\"), dates as YYYY-MM-DD and "
    "money as plain decimals with at most two fraction digits.",
    "每个元素和属性都必须是计划格式所定义的，位置和顺序正确，必需的子元素齐全，"
    "枚举值拼写准确（如 type=\"quantitative\"），日期为 YYYY-MM-DD，金额为最多两位小数的普通十进制数。" },
  { "The standard plan structure (summary, situation, SWOT, goals, strategy, "
    "actions, budget, controls) is what lets leadership find each part "
    "quickly and compare plans; a misspelt element silently drops content "
    "from the PDF.",
    "标准的计划结构（概要、形势分析、SWOT、目标、战略、行动、预算、控制）让领导层能迅速找到每一部分"
    "并对比不同计划；拼错的元素会让内容从 PDF 中悄然消失。" },
  { "Read the message: it names the element and what was expected. Fix the "
    "spelling, move the element to its section, add the missing required "
    "element, or correct the value's format. `plangen schema` prints the "
    "RELAX NG schema; `plangen init` writes a correct skeleton.",
    "阅读提示信息：它会指出元素及期望的内容。修正拼写，把元素移到所属章节，补上缺失的必需元素，"
    "或改正值的格式。`plangen schema` 输出 RELAX NG 模式，`plangen init` 生成正确的骨架。" } },
[PG_F_DUPLICATE_ID] = { PG_F_DUPLICATE_ID,
  { "An id is used twice",
    "同一个 id 使用了两次" },
  { "Every id attribute (goals, actions, SWOT items, segments, competitors, "
    "blueprint steps) must be unique across the whole plan.",
    "所有 id 属性（目标、行动、SWOT 条目、细分市场、竞争对手、蓝图步骤）在整个计划中必须唯一。" },
  { "Actions, budget lines and KPIs point at goals by id; with two G3s nobody "
    "can tell which goal an action or a budget line supports.",
    "行动、预算和 KPI 通过 id 指向目标；出现两个 G3，就无法分辨某项行动或预算支持的是哪个目标。" },
  { "Rename one of the two (the message gives the line of the first use) and "
    "update the references that meant it.",
    "给其中一个改名（提示中给出首次使用的行号），并同步修改原本指向它的引用。" } },
[PG_F_DANGLING_REF] = { PG_F_DANGLING_REF,
  { "A reference names no such id, or an id of the wrong kind",
    "引用了不存在的 id，或引用的 id 类型不对" },
  { "References (goals, action, goal, parent, addresses, competitor) must name "
    "an existing id of the right kind: an action's goals name goals, a budget "
    "line's action names an action, addresses names SWOT items, a position's "
    "competitor names a competitor.",
    "引用（goals、action、goal、parent、addresses、competitor）必须指向存在且类型正确的 id："
    "行动的 goals 指向目标，预算行的 action 指向行动，addresses 指向 SWOT 条目，"
    "定位图中的 competitor 指向竞争对手。" },
  { "The chain from SWOT to goals to actions to budget is the plan's logic. "
    "A broken link means money or effort that supports nothing leadership "
    "can see.",
    "从 SWOT 到目标、行动再到预算的链条就是计划的逻辑。链条断了，意味着资金或投入支持的东西领导层看不到。" },
  { "Correct the misspelt id, add the missing goal or action, or remove the "
    "reference. Check that the id is of the right kind (goals=\"S1\" points at "
    "a strength, not a goal).",
    "改正拼错的 id，补上缺失的目标或行动，或删除该引用。确认 id 类型正确（goals=\"S1\" 指向的是优势，不是目标）。" } },
[PG_F_GOAL_CYCLE] = { PG_F_GOAL_CYCLE,
  { "Goal parent links form a cycle",
    "目标的 parent 关系形成了循环" },
  { "Following parent from any goal must end at a top-level goal; a goal "
    "may not be its own ancestor.",
    "从任一目标沿 parent 向上追溯，必须能到达顶层目标；目标不能成为自己的祖先。" },
  { "Goals form a hierarchy from the strategic goal down to measurable "
    "sub-goals; a cycle means no goal is the top and the goal tree cannot be "
    "shown or rolled up.",
    "目标是从战略目标到可量化子目标的层级结构；出现循环就没有顶层目标，目标树既无法展示也无法汇总。" },
  { "Decide which goal is the higher one and remove or change the parent "
    "attribute of the other.",
    "确定哪个目标层级更高，删除或修改另一个目标的 parent 属性。" } },
[PG_F_PERIOD_INVALID] = { PG_F_PERIOD_INVALID,
  { "The plan period ends before it starts",
    "计划期的结束日期早于开始日期" },
  { "meta/period/@end must not be earlier than @start.",
    "meta/period 的 end 不得早于 start。" },
  { "Every deadline, action and milestone is judged against the plan period; "
    "an impossible period makes the whole timeline meaningless.",
    "所有期限、行动和里程碑都以计划期为准；计划期不成立，整个时间表就失去意义。" },
  { "Swap or correct the dates, e.g. start=\"2026-01-01\" end=\"2026-12-31\".",
    "交换或改正日期，例如 start=\"2026-01-01\" end=\"2026-12-31\"。" } },
[PG_F_ACTION_DATES] = { PG_F_ACTION_DATES,
  { "An action ends before it starts",
    "行动的结束日期早于开始日期" },
  { "Each action's end date must not be earlier than its start date.",
    "每项行动的 end 不得早于 start。" },
  { "The action timeline is how leadership sees when money is spent and "
    "when results arrive; a reversed action cannot be scheduled or drawn.",
    "行动时间表让领导层看到资金何时投入、成果何时显现；起止颠倒的行动无法排期，也无法画入甘特图。" },
  { "Correct the start or end date of the action named in the message.",
    "改正提示中所指行动的 start 或 end 日期。" } },
[PG_F_GOAL_NOT_MEASURABLE] = { PG_F_GOAL_NOT_MEASURABLE,
  { "A quantitative goal has no measurable target",
    "量化目标没有可衡量的指标值" },
  { "A goal with type=\"quantitative\" needs a <metric> with a target "
    "(and ideally a baseline and a unit).",
    "type=\"quantitative\" 的目标必须有带 target 的 <metric>（最好同时给出 baseline 和 unit）。" },
  { "A quantitative goal is a promise of a number. Without a target nobody "
    "can tell at the year-end review whether it was met, and the KPIs that "
    "track it have nothing to compare against.",
    "量化目标就是对一个数字的承诺。没有目标值，年终复盘时谁也说不清是否达成，跟踪它的 KPI 也无从比较。" },
  { "Add <metric name=\"...\" baseline=\"...\" target=\"...\" unit=\"...\"/>, "
    "e.g. repeat-visit rate from 32 to 40 %, or make the goal strategic if it "
    "really cannot be counted.",
    "添加 <metric name=\"…\" baseline=\"…\" target=\"…\" unit=\"…\"/>，例如复购率从 32% 提升到 40%；"
    "如果确实无法量化，就把目标改为 strategic（战略性）。" } },
[PG_F_GOAL_NO_DEADLINE] = { PG_F_GOAL_NO_DEADLINE,
  { "A quantitative goal has no due date",
    "量化目标没有截止日期" },
  { "A goal with type=\"quantitative\" needs a due date (YYYY-MM-DD).",
    "type=\"quantitative\" 的目标必须有 due 日期（YYYY-MM-DD）。" },
  { "A target without a date is not a commitment: \"40 % repeat visits\" "
    "means something only with \"by 30 June\".",
    "没有日期的指标不算承诺：“复购率 40%”只有加上“6 月 30 日前”才有意义。" },
  { "Add due=\"YYYY-MM-DD\" inside the plan period to the goal.",
    "给目标加上计划期内的 due=\"YYYY-MM-DD\"。" } },
[PG_F_BUDGET_TOTAL_MISMATCH] = { PG_F_BUDGET_TOTAL_MISMATCH,
  { "The budget total differs from the sum of its lines",
    "预算总额与各预算行之和不一致" },
  { "When budget/@total is given it must equal the sum of every line's "
    "amount plus the contingency, computed exactly to the cent. The message "
    "shows both sums.",
    "给出 budget/@total 时，它必须精确到分地等于所有预算行金额加应急费用之和。提示中会显示两个数。" },
  { "The total is the number leadership approves. If it disagrees with the "
    "lines, either the request or the breakdown is wrong, and the plan loses "
    "credibility at once.",
    "总额是领导层审批的数字。总额与明细对不上，说明申请额或明细有一处是错的，计划的可信度会立刻受损。" },
  { "Correct the wrong line or the total; or drop @total and let plangen "
    "print the computed sum.",
    "改正出错的预算行或总额；也可以删掉 @total，由 plangen 打印计算出的合计。" } },
[PG_F_GOAL_UNSUPPORTED] = { PG_F_GOAL_UNSUPPORTED,
  { "A goal is supported by no action",
    "没有任何行动支持该目标" },
  { "Every goal that has no child goals must be named in the goals "
    "attribute of at least one action.",
    "每个没有子目标的目标，必须至少出现在一项行动的 goals 属性中。" },
  { "A goal nobody acts on is a wish. Leadership reads the action plan to "
    "see how each goal will be reached.",
    "没人为之行动的目标只是愿望。领导层通过行动计划了解每个目标将如何实现。" },
  { "Add an action with goals=\"ID\", add the id to an existing action's "
    "goals, or remove the goal.",
    "新增一项 goals=\"ID\" 的行动，或把该 id 加到已有行动的 goals 中，或删除该目标。" } },
[PG_F_TOO_MANY_KEY_POINTS] = { PG_F_TOO_MANY_KEY_POINTS,
  { "The summary has more than three key points",
    "概要中的要点超过三条" },
  { "summary/key-points holds more than 3 <point>s.",
    "summary/key-points 中的 <point> 超过 3 条。" },
  { "The summary is often the only page leadership reads. Three points are "
    "remembered; seven are skimmed.",
    "概要常常是领导层唯一会读的一页。三条要点记得住，七条只会被一扫而过。" },
  { "Keep the three that matter most (typically the goal, the core strategy "
    "and the budget request); move the rest to the overview.",
    "只保留最重要的三条（通常是目标、核心战略和预算申请），其余移入 overview。" } },
[PG_F_SWOT_QUADRANT_EMPTY] = { PG_F_SWOT_QUADRANT_EMPTY,
  { "A SWOT quadrant has no item",
    "SWOT 的某个象限为空" },
  { "The swot section has no strength, weakness, opportunity or threat "
    "(the message names the empty quadrant).",
    "swot 中缺少优势、劣势、机会或威胁中的某一类（提示中指明哪个象限为空）。" },
  { "An empty quadrant reads as an analysis not done: no business has no "
    "weaknesses or no threats, and goals should answer all four.",
    "空象限看起来像是分析没做完：没有哪家企业没有劣势或威胁，而目标应当回应全部四个象限。" },
  { "Add at least one item to the quadrant, e.g. a threat from a new "
    "entrant named in situation/events.",
    "为该象限至少补充一条，例如 situation/events 中提到的新进入者带来的威胁。" } },
[PG_F_OUTSIDE_PERIOD] = { PG_F_OUTSIDE_PERIOD,
  { "A date falls outside the plan period",
    "日期超出了计划期" },
  { "A goal's due date, an action's start or end, or a milestone's date "
    "lies before meta/period/@start or after @end.",
    "目标的 due、行动的 start 或 end、里程碑的 date 早于 meta/period 的 start 或晚于其 end。" },
  { "Work scheduled outside the period is not funded or reviewed by this "
    "plan; either the date or the period is wrong.",
    "安排在计划期之外的工作不在本计划的资金和复盘范围内；要么日期错了，要么计划期错了。" },
  { "Move the date into the period, or extend the period if the plan "
    "really covers it.",
    "把日期移入计划期；如果计划确实覆盖该时间，就延长计划期。" } },
[PG_F_GOAL_NO_OWNER] = { PG_F_GOAL_NO_OWNER,
  { "A goal has no owner",
    "目标没有负责人" },
  { "The goal has no owner attribute, and no action that supports it has "
    "an owner either.",
    "目标没有 owner 属性，支持它的行动也都没有负责人。" },
  { "A goal that belongs to everyone belongs to no one: leadership needs a "
    "name to ask about progress.",
    "人人负责等于无人负责：领导层需要一个能够询问进展的名字。" },
  { "Add owner=\"...\" (a person or role, e.g. \"Head of Sales\") to the goal "
    "or to the actions that support it.",
    "给目标或支持它的行动加上 owner=\"…\"（人名或岗位，例如“销售总监”）。" } },
[PG_F_ACTION_NO_OWNER] = { PG_F_ACTION_NO_OWNER,
  { "An action has no owner",
    "行动没有负责人" },
  { "The action has no owner attribute.",
    "行动没有 owner 属性。" },
  { "An action without an owner is the first to slip; the action plan is "
    "where leadership sees who does what by when.",
    "没有负责人的行动最先被拖延；行动计划正是领导层了解“谁在何时做什么”的地方。" },
  { "Add owner=\"...\" naming the person or team accountable.",
    "加上 owner=\"…\"，写明负责的人或团队。" } },
[PG_F_GOAL_TARGET_UNCHANGED] = { PG_F_GOAL_TARGET_UNCHANGED,
  { "A metric's target equals its baseline",
    "指标的目标值等于基线值" },
  { "metric/@target has the same value as metric/@baseline.",
    "metric 的 target 与 baseline 数值相同。" },
  { "A goal that changes nothing is either a typo or a maintenance goal in "
    "disguise; leadership will ask what the budget buys.",
    "没有变化的目标要么是笔误，要么是伪装成目标的维持现状；领导层会问预算到底换来了什么。" },
  { "Correct the target or baseline; if holding a level is the point, say "
    "so in the statement (e.g. \"keep complaint rate at 2 % while volume "
    "grows 30 %\").",
    "改正 target 或 baseline；如果目的就是保持水平，请在陈述中说明（例如“业务量增长 30% 的同时投诉率保持 2%”）。" } },
[PG_F_VAGUE_GOAL] = { PG_F_VAGUE_GOAL,
  { "A goal is vague: no metric and no number",
    "目标含糊：既无指标也无数字" },
  { "A goal with no child goals has no <metric> and its statement contains "
    "no digit.",
    "没有子目标的目标既没有 <metric>，陈述中也没有任何数字。" },
  { "\"Improve customer satisfaction\" cannot be checked. Leadership funds "
    "goals that say how much and by when.",
    "“提升顾客满意度”无法检验。领导层愿意投入的是说清“提升多少、何时达成”的目标。" },
  { "Make it specific: add a metric (e.g. SERVQUAL reliability score from "
    "3.6 to 4.2) or put the number in the statement; or break it into "
    "measurable child goals.",
    "把目标具体化：加上指标（例如 SERVQUAL 可靠性得分从 3.6 提升到 4.2），或在陈述中写明数字；"
    "也可以拆成可量化的子目标。" } },
[PG_F_ACTION_UNBUDGETED] = { PG_F_ACTION_UNBUDGETED,
  { "An action has no budget line",
    "行动没有对应的预算行" },
  { "No budget/line names the action in its action attribute.",
    "没有任何 budget/line 的 action 属性指向该行动。" },
  { "An action with no money is either free (say so) or will later ask for "
    "money leadership never approved.",
    "没有预算的行动要么不花钱（请说明），要么日后会申请领导层从未批准过的资金。" },
  { "Add <line category=\"...\" amount=\"...\" action=\"ID\">, or accept the "
    "finding with <?plangen accept action-unbudgeted?> for work done with "
    "existing staff.",
    "添加 <line category=\"…\" amount=\"…\" action=\"ID\">；如果由现有人员完成、不需要额外费用，"
    "可用 <?plangen accept action-unbudgeted?> 接受该提示。" } },
[PG_F_MIX_INCOMPLETE] = { PG_F_MIX_INCOMPLETE,
  { "The service marketing mix lacks some of the 7 Ps",
    "服务营销组合缺少部分 7P 要素" },
  { "strategy/mix is missing, or lacks any of product, price, place, "
    "promotion, people, process, physical-evidence (the message lists "
    "which).",
    "缺少 strategy/mix，或其中缺少产品、价格、渠道、促销、人员、过程、有形展示中的某些要素（提示中列出缺少的项）。" },
  { "A service is produced and consumed with the customer present, so "
    "people, process and physical evidence shape what is bought as much as "
    "product and price do. A mix with gaps leaves part of the customer "
    "experience unplanned.",
    "服务的生产与消费同时发生、顾客亲身参与，因此人员、过程和有形展示对顾客购买的影响不亚于产品和价格。"
    "组合有缺口，顾客体验就有一部分无人规划。" },
  { "Add the missing Ps, even briefly: who serves the customer and how they "
    "are trained (people), the steps of the service (process), what the "
    "customer sees and touches (physical evidence).",
    "补上缺少的要素，哪怕只写几句：由谁服务顾客、如何培训（人员），服务的步骤（过程），"
    "顾客看到和接触到的东西（有形展示）。" } },
[PG_F_KPI_MISSING] = { PG_F_KPI_MISSING,
  { "A quantitative goal is tracked by no KPI",
    "量化目标没有任何 KPI 跟踪" },
  { "No controls/kpi names the quantitative goal in its goal attribute.",
    "没有任何 controls/kpi 的 goal 属性指向该量化目标。" },
  { "A target that is only looked at at the year end is found missed when "
    "it is too late; a KPI with an owner and a frequency is the early "
    "warning.",
    "只在年底才看的目标，发现没达成时已为时太晚；有负责人、有频率的 KPI 才是预警。" },
  { "Add <kpi goal=\"ID\" owner=\"...\" frequency=\"monthly\" target=\"...\">"
    "indicator</kpi> under controls.",
    "在 controls 下添加 <kpi goal=\"ID\" owner=\"…\" frequency=\"monthly\" target=\"…\">指标</kpi>。" } },
[PG_F_NO_CONTROLS] = { PG_F_NO_CONTROLS,
  { "The plan has no controls section",
    "计划没有管理与控制部分" },
  { "The plan has no <controls> element (KPIs, milestones, reviews, risks).",
    "计划中没有 <controls> 元素（KPI、里程碑、复盘、风险）。" },
  { "Control is how leadership knows the plan is working and when to "
    "intervene: what is measured, how often, by whom, and what could go "
    "wrong.",
    "控制是领导层了解计划是否奏效、何时需要介入的手段：衡量什么、多久衡量一次、由谁负责、可能出什么问题。" },
  { "Add <controls> with a KPI per quantitative goal, the key milestones, a "
    "review cadence and the main risks with their mitigation.",
    "添加 <controls>：每个量化目标一个 KPI，列出关键里程碑、复盘节奏以及主要风险及其应对措施。" } },
[PG_F_FAIL_POINT_NO_RECOVERY] = { PG_F_FAIL_POINT_NO_RECOVERY,
  { "A blueprint fail point has no recovery",
    "服务蓝图中的失误点没有补救措施" },
  { "A blueprint step's <fail-point> has no <recovery> text.",
    "蓝图步骤中的 <fail-point> 没有 <recovery> 内容。" },
  { "Service failures will happen; customers judge the firm by how it "
    "recovers. A known fail point without a service-recovery answer is a "
    "complaint waiting to happen, and a good recovery can leave the "
    "customer more loyal than no failure at all.",
    "服务失误在所难免，顾客是根据企业如何补救来评价它的。已知失误点没有服务补救方案，就是一起迟早发生的投诉；"
    "而出色的补救甚至能让顾客比从未遇到失误时更忠诚。" },
  { "Add <recovery> after the fail point: who acts, how fast, and what the "
    "customer gets (e.g. \"duty manager calls back within 2 hours; next "
    "visit free\").",
    "在失误点后添加 <recovery>：由谁处理、多快响应、顾客得到什么（例如“值班经理 2 小时内回电；下次服务免费”）。" } },
[PG_F_UNUSED_ACCEPT] = { PG_F_UNUSED_ACCEPT,
  { "An accept instruction silences no finding",
    "accept 指令没有屏蔽任何提示" },
  { "A <?plangen accept RULE...?> processing instruction names a rule that "
    "reports nothing at the element after it (or inside it).",
    "<?plangen accept 规则…?> 处理指令所列的规则在其后的元素（及其内部）没有产生任何提示。" },
  { "Stale accepts hide future problems: once the original issue is fixed, "
    "the accept would silently swallow a new one.",
    "过时的 accept 会掩盖以后的问题：原来的问题修好后，它会悄悄吞掉新出现的问题。" },
  { "Remove the rule id from the instruction (or the whole instruction), or "
    "move it immediately before the element the finding is reported at.",
    "从指令中删除该规则 id（或删除整条指令），或把它移到提示所在元素的紧前面。" } },
[PG_F_PLACEHOLDER_TEXT] = { PG_F_PLACEHOLDER_TEXT,
  { "Text still holds a placeholder",
    "文本中仍有占位内容" },
  { "Some text contains TODO, TBD, FIXME, XXX, \"lorem ipsum\", 待定, 待补充, "
    "待完善, ??? or ？？？.",
    "某处文本含有 TODO、TBD、FIXME、XXX、“lorem ipsum”、待定、待补充、待完善、??? 或 ？？？。" },
  { "A placeholder in front of leadership signals an unfinished plan and "
    "hides a decision that was never made.",
    "呈给领导层的计划里出现占位符，说明计划还没写完，也掩盖了一个尚未做出的决定。" },
  { "Write the real content, or remove the element if it is optional.",
    "写上真实内容；如果该元素是可选的，就删除它。" } },
[PG_F_IMAGE_UNREADABLE] = { PG_F_IMAGE_UNREADABLE,
  { "An image cannot be drawn",
    "图片无法显示" },
  { "Version 2. An <image> in the plan's prose names a file that cannot be "
    "read, is not a PNG or JPEG file, lies outside the plan's folder (a URL, "
    "an absolute path, a path with .. or a symbolic link that leads out), "
    "is over 20 MB or 20,000 pixels a side, is damaged or cut short, or is "
    "a CMYK or 12-bit JPEG. One finding per image, at its line.",
    "第 2 版格式。计划正文中的 <image> 指向的文件无法读取、不是 PNG 或 JPEG、"
    "不在计划所在的文件夹内（网址、绝对路径、用 .. 或符号链接跳出文件夹）、"
    "超过 20 MB 或每边 20000 像素、已损坏或不完整，或是 CMYK、12 位的 JPEG。"
    "每张图片一条，报告在该图片所在的行。" },
  { "A picture the reader cannot see, or sees in wrong colours, leaves a "
    "gap in the argument it was meant to support; and a plan that reaches "
    "outside its folder would not render the same on a colleague's machine "
    "or in CI.",
    "读者看不到或颜色错乱的图片，会让它本该支撑的论点出现缺口；"
    "引用文件夹以外文件的计划，在同事的电脑或 CI 上也无法得到同样的排版结果。" },
  { "Put the picture in the plan's folder (or a folder below it), save it "
    "as an ordinary RGB or grey PNG or JPEG under 20 MB, and write its "
    "path relative to the plan, e.g. src=\"img/chart.png\".",
    "把图片放到计划所在的文件夹（或其子文件夹），存成 20 MB 以内的普通 RGB "
    "或灰度 PNG、JPEG，并写相对于计划的路径，例如 src=\"img/chart.png\"。" } },
[PG_F_OPPORTUNITY_UNADDRESSED] = { PG_F_OPPORTUNITY_UNADDRESSED,
  { "An opportunity is addressed by no goal or action",
    "有机会没有任何目标或行动应对" },
  { "Version 2 plans only. A SWOT <opportunity> whose id is named in no "
    "goal's and no action's addresses attribute. One finding per "
    "opportunity, at its line.",
    "仅第 2 版计划。某个 SWOT <opportunity> 的编号没有出现在任何目标或行动的 addresses "
    "属性中。每个机会一条，报告在它所在的行。" },
  { "A SWOT analysis is worth its page only when the plan acts on it: an "
    "opportunity nobody pursues is either not an opportunity or a gap in "
    "the plan, and leadership will ask which.",
    "SWOT 分析只有在计划据此行动时才有价值：没人去抓的机会，要么不是真正的机会，要么是计划的缺口，"
    "领导层一定会问是哪一种。" },
  { "Name the opportunity's id in the addresses of the goal or action that "
    "pursues it (addresses=\"O1\"), add such an action, or remove the "
    "opportunity if the plan deliberately leaves it.",
    "在抓住这个机会的目标或行动的 addresses 中写上它的编号（addresses=\"O1\"），或增加这样的行动；"
    "如果计划有意放弃它，就删除这个机会。" } },
[PG_F_THREAT_UNADDRESSED] = { PG_F_THREAT_UNADDRESSED,
  { "A threat is addressed by no goal or action",
    "有威胁没有任何目标或行动应对" },
  { "Version 2 plans only. A SWOT <threat> whose id is named in no goal's "
    "and no action's addresses attribute. One finding per threat, at its "
    "line.",
    "仅第 2 版计划。某个 SWOT <threat> 的编号没有出现在任何目标或行动的 addresses 属性中。"
    "每个威胁一条，报告在它所在的行。" },
  { "A named threat with no answer tells leadership the risk is known and "
    "accepted without a decision; the plan should defend against it or say "
    "why not.",
    "列出了威胁却没有应对，等于告诉领导层：风险已知，却未经决策就接受了。计划应当防范它，或说明为何不防范。" },
  { "Name the threat's id in the addresses of the goal or action that "
    "counters it (addresses=\"T1\"), add such an action, or record it as a "
    "risk with a mitigation and remove it from the SWOT.",
    "在应对这一威胁的目标或行动的 addresses 中写上它的编号（addresses=\"T1\"），或增加这样的行动；"
    "也可以把它作为风险写进 controls 并给出应对措施，再从 SWOT 中删除。" } },
[PG_F_PAIN_UNADDRESSED] = { PG_F_PAIN_UNADDRESSED,
  { "A customer journey pain is addressed by no action",
    "有客户旅程痛点没有任何行动应对" },
  { "Version 2 plans only. A journey <pain> whose id is named in no "
    "action's addresses attribute. One finding per pain, at its line.",
    "仅第 2 版计划。客户旅程中某个 <pain> 的编号没有出现在任何行动的 addresses 属性中。"
    "每个痛点一条，报告在它所在的行。" },
  { "The journey map exists to find where customers suffer; a pain the "
    "action plan ignores stays in the customer experience and costs "
    "customers.",
    "绘制客户旅程图就是为了找出顾客在哪里受苦；行动计划忽略的痛点会一直留在顾客体验里，让企业流失顾客。" },
  { "Name the pain's id in the addresses of the action that removes it "
    "(addresses=\"P1\"), or add such an action.",
    "在消除这个痛点的行动的 addresses 中写上它的编号（addresses=\"P1\"），或增加这样的行动。" } },
[PG_F_SERVQUAL_GAP_UNADDRESSED] = { PG_F_SERVQUAL_GAP_UNADDRESSED,
  { "The largest SERVQUAL gap is addressed by no action",
    "最大的服务质量差距没有任何行动应对" },
  { "Version 2 plans only. Among the service-quality dimensions with both "
    "expected and perceived scores, the one with the largest negative gap "
    "(perceived minus expected; every dimension tied for it) is named in no "
    "action's addresses attribute. No finding when no gap is negative. The "
    "gap is computed exactly from the decimals written.",
    "仅第 2 版计划。在同时有期望分和感知分的服务质量维度中，负差距（感知减期望）最大的维度"
    "（并列时每一个）没有出现在任何行动的 addresses 属性中。没有负差距时不报告。差距按所写的小数精确计算。" },
  { "Customers judge service quality by the gap between what they expect "
    "and what they get; the widest gap is where the plan wins or loses "
    "them, so leadership expects an action aimed at it.",
    "顾客以期望与实际感受之间的差距评判服务质量；差距最大之处正是计划赢得或失去顾客的地方，"
    "领导层会期望有行动专门针对它。" },
  { "Give the dimension an id (id=\"SQ1\") and name it in the addresses of "
    "the action that closes the gap, or add such an action.",
    "给该维度一个编号（id=\"SQ1\"），并在缩小差距的行动的 addresses 中写上它，或增加这样的行动。" } },
[PG_F_FAB_NO_BENEFIT] = { PG_F_FAB_NO_BENEFIT,
  { "A FAB row has no benefit",
    "FAB 分析有一行没有利益" },
  { "Version 2 plans only. A <row> of strategy/fab whose <benefit> is empty "
    "(or missing). Reported at the benefit.",
    "仅第 2 版计划。strategy/fab 中某个 <row> 的 <benefit> 是空的（或缺失）。报告在该利益所在的行。" },
  { "Customers buy benefits, not features: a feature without the benefit "
    "it brings gives sales and advertising nothing to say.",
    "顾客买的是利益，不是特征：只有特征而没有它带来的利益，销售和广告就无话可说。" },
  { "Write what the customer gains from the feature's advantage, in the "
    "customer's words (\"start in a week without an investment\").",
    "用顾客的话写出他从这项特征的优势中得到什么（例如“一周内开始，无需投资”）。" } },
[PG_F_PROMOTION_QDQ_INCOMPLETE] = { PG_F_PROMOTION_QDQ_INCOMPLETE,
  { "A promotion, advertising or events action lacks quantity, direction or quality",
    "促销、广告或活动类行动缺少数量、方向或质量" },
  { "Version 2 plans only. An action with category promotion, advertising "
    "or events lacks a count (@count: how many times), target segments "
    "(@segments: segment ids) or a quality standard (<quality>). One "
    "finding per action, listing what it lacks.",
    "仅第 2 版计划。类别为 promotion、advertising 或 events 的行动缺少数量（@count：做多少次）、"
    "目标细分（@segments：细分编号）或质量标准（<quality>）。每个行动一条，列出所缺的项。" },
  { "A promotion is planned by quantity, direction and quality (QDQ): "
    "without them nobody can budget it, aim it or judge whether it was "
    "done well.",
    "促销要按数量、方向和质量（QDQ）来规划：缺了它们，就无法编制预算、确定对象，也无法判断做得好不好。" },
  { "Add count=\"…\" (how many runs), segments=\"…\" (the ids of the "
    "customer segments it targets) and a <quality> element with the "
    "standard each run must meet.",
    "补上 count=\"…\"（做多少次）、segments=\"…\"（目标客户细分的编号），以及写明每次须达到标准的 <quality> 元素。" } },
[PG_F_KPI_KIND_UNBALANCED] = { PG_F_KPI_KIND_UNBALANCED,
  { "The KPIs are not both activity and result indicators",
    "关键绩效指标没有同时包括活动指标和结果指标" },
  { "Version 2 plans only. The plan has KPIs, but none with "
    "kind=\"activity\" or none with kind=\"result\" (a KPI without kind "
    "counts as neither). Reported once, at <controls>.",
    "仅第 2 版计划。计划有关键绩效指标，但没有 kind=\"activity\" 的，或没有 kind=\"result\" 的"
    "（未注明 kind 的指标两者都不算）。只报告一次，在 <controls> 所在的行。" },
  { "Result indicators (sales, subscriptions) show too late that a plan is "
    "failing; activity indicators (visits, tastings) show it early but not "
    "whether the activity pays. Managers need both to steer.",
    "结果指标（销售额、订阅数）发现计划失败时已经太晚；活动指标（拜访、试饮）能提早预警，"
    "却说明不了活动是否有效。管理者需要两者兼备才能掌舵。" },
  { "Mark each KPI kind=\"activity\" or kind=\"result\", and add a KPI of "
    "the missing kind.",
    "为每个关键绩效指标注明 kind=\"activity\" 或 kind=\"result\"，并补充所缺类型的指标。" } },
#include "review/ruledoc_track.inc"
[PG_F_TEMPLATE] = { PG_F_TEMPLATE,
  { "The report template is not valid",
    "报告模板无效" },
  { "Rendering only. The template chosen with -t (a name listed by `plangen "
    "templates`, or a file) must match the template format (template.rng) "
    "and name each section once, define only label keys the default "
    "template knows, each once, leave room for text inside the margins, "
    "point its logo at a readable PNG or JPEG file, extend (extends=) "
    "a template that exists without a loop, and give palette colours that "
    "can be told apart. Any such error stops the render; no PDF is written.",
    "仅在排版时检查。用 -t 选择的模板（`plangen templates` 列出的名称或模板文件）必须符合模板格式"
    "（template.rng）：每个章节只列一次，只定义默认模板中有的标签键且每个只定义一次，页边距要给正文留出空间，"
    "徽标必须是可读取的 PNG 或 JPEG 文件，继承（extends=）的模板必须存在且不能循环，调色板中的颜色必须能分辨。"
    "出现任一此类错误都会停止排版，不生成 PDF。" },
  { "The template decides what leadership sees: the order of the sections, "
    "the labels, the fonts and the logo. A template plangen cannot trust "
    "would silently drop a section, print a raw label key or lose the "
    "logo, so no plan is rendered with it.",
    "模板决定领导层看到的内容：章节顺序、标签、字体和徽标。不可信的模板会悄然漏掉章节、"
    "印出原始的标签键或丢失徽标，因此 plangen 不会用它排版。" },
  { "Go to the reported line of the template file and correct what the "
    "message names: remove the repeated section, spell the label key as "
    "templates/default.xml does, reduce the margins, or point src at an "
    "existing PNG or JPEG file (relative to the template's folder). Start "
    "a brand template with <template version=\"1\" extends=\"default\"> "
    "and give only what differs (`plangen templates --show default` prints "
    "the default); to render in the meantime, leave out -t to use the "
    "default template.",
    "到模板文件中报告的行，改正提示所指的内容：删除重复的章节，按 templates/default.xml 的写法拼写标签键，"
    "减小页边距，或让 src 指向存在的 PNG 或 JPEG 文件（相对于模板所在的目录）。品牌模板可以从 "
    "<template version=\"1\" extends=\"default\"> 开始，只写与默认模板不同的部分"
    "（`plangen templates --show default` 可输出默认模板）；如需先排版，去掉 -t 即使用默认模板。" } },
[PG_F_MISSING_GLYPH] = { PG_F_MISSING_GLYPH,
  { "No font can draw a character of the plan",
    "没有字体能显示计划中的某个字符" },
  { "A character of the plan is in neither the template's Latin font nor "
    "its CJK font (nor the installed fonts plangen substitutes when those "
    "are missing); characters beyond U+FFFF, such as emoji, are never "
    "drawn. Reported once per character, at the line of the first text that "
    "holds it. `plangen check` looks with the default template's fonts, "
    "render with the template's own; the PDF is still written, without the "
    "character.",
    "计划中的某个字符既不在模板的西文字体中，也不在其中文字体中（模板字体未安装时，"
    "也不在 plangen 所用的替代字体中）；U+FFFF 以上的字符（如表情符号）一律无法显示。"
    "每个字符只报告一次，位置是首次含有该字符的文本所在的行。plangen check 按默认模板的字体检查，"
    "排版时按所用模板的字体检查；PDF 仍会生成，但缺少该字符。" },
  { "The reader sees a gap where the character should be: a lost currency "
    "sign or a missing word in a Chinese title changes the meaning, and "
    "nobody notices until the PDF is in front of leadership.",
    "读者会在该字符处看到空缺：丢失的货币符号或中文标题中缺失的字都会改变意思，"
    "而这往往要等 PDF 摆到领导层面前才被发现。" },
  { "Replace the character with one the fonts have (drop the emoji, write "
    "the symbol as a word, use the common form of a rare character), or "
    "install a font that has it and name it in the template's <fonts>; "
    "`fc-list ':charset=XXXX'`, with the code point from the message in "
    "hex, lists the installed fonts that have it.",
    "把该字符换成字体中有的字符（去掉表情符号，把符号写成文字，把生僻字换成常用写法），"
    "或安装包含该字符的字体并在模板的 <fonts> 中指定；`fc-list ':charset=XXXX'`"
    "（XXXX 为提示中的十六进制码位）会列出已安装的含有该字符的字体。" } },
};

size_t
pg_ruledoc_count(void)
{
	return PG_F_COUNT;
}

const struct pg_ruledoc *
pg_ruledoc_get(enum pg_finding f)
{
	if ((unsigned)f >= PG_F_COUNT || pg_ruledocs[f].f != f ||
	    pg_ruledocs[f].summary[PG_LANG_EN] == NULL)
		return NULL;		/* no row: test_report fails */
	return &pg_ruledocs[f];
}

long
pg_ruledoc_index(const char *id)
{
	enum pg_finding f;

	return pg_finding_lookup(id, &f) == 0 && pg_ruledoc_get(f) != NULL ?
	    (long)f : -1;
}

const struct pg_ruledoc *
pg_ruledoc_find(const char *id)
{
	enum pg_finding f;

	return pg_finding_lookup(id, &f) == 0 ? pg_ruledoc_get(f) : NULL;
}

static const char *const heads[PG_LANG_N][4] = {
	{ "severity: ", "What it checks:", "Why it matters:", "How to fix it:" },
	{ "严重级别：", "检查内容：", "为什么重要：", "如何修改：" },
};
static const char *const sevnames[PG_LANG_N][2] = {
	{ "error", "warning" },
	{ "错误 (error)", "警告 (warning)" },
};

/*
 * Append text as an indented paragraph.  English is wrapped at spaces to
 * fit 78 columns; a text with no spaces to break at (Chinese) stays on
 * one line, as terminals wrap it.
 */
static void
add_para(struct pg_sb *b, const char *text, enum pg_lang lang)
{
	const char	*p = text, *brk;
	size_t		 col, width = 74;

	if (lang != PG_LANG_EN) {
		pg_sb_printf(b, "    %s\n", text);
		return;
	}
	while (*p != '\0') {
		const char *q = p, *last = NULL;
		for (col = 0; *q != '\0' && (col < width || last == NULL); q++, col++)
			if (*q == ' ')
				last = q;
		if (*q == '\0')
			brk = q;
		else
			brk = last;
		pg_sb_add(b, "    ");
		pg_sb_addn(b, p, (size_t)(brk - p));
		pg_sb_add(b, "\n");
		p = brk;
		while (*p == ' ')
			p++;
	}
}

char *
pg_ruledoc_explain(const struct pg_ruledoc *r, enum pg_lang lang)
{
	struct pg_sb b;

	pg_sb_init(&b);
	pg_sb_printf(&b, "%s — %s\n", pg_finding_id(r->f), r->summary[lang]);
	pg_sb_printf(&b, "%s%s\n\n", heads[lang][0],
	    sevnames[lang][pg_finding_severity(r->f)]);
	pg_sb_printf(&b, "%s\n", heads[lang][1]);
	add_para(&b, r->checks[lang], lang);
	pg_sb_printf(&b, "\n%s\n", heads[lang][2]);
	add_para(&b, r->why[lang], lang);
	pg_sb_printf(&b, "\n%s\n", heads[lang][3]);
	add_para(&b, r->fix[lang], lang);
	return pg_sb_take(&b);
}

char *
pg_ruledoc_list(enum pg_lang lang)
{
	struct pg_sb	b;
	size_t		i;

	pg_sb_init(&b);
	for (i = 0; i < pg_ruledoc_count(); i++)
		pg_sb_printf(&b, "%-24s %-8s %s\n", pg_finding_id(pg_ruledocs[i].f),
		    pg_severity_name(pg_finding_severity(pg_ruledocs[i].f)),
		    pg_ruledocs[i].summary[lang]);
	return pg_sb_take(&b);
}

/* Append s as man(7) text: escape backslashes and hyphens, guard a leading dot. */
static void
add_roff(struct pg_sb *b, const char *s, int bol)
{
	for (; *s != '\0'; s++) {
		if (bol && (*s == '.' || *s == '\''))
			pg_sb_add(b, "\\&");
		bol = 0;
		if (*s == '\\')
			pg_sb_add(b, "\\e");
		else if (*s == '-')
			pg_sb_add(b, "\\-");
		else if (*s == '`' || *s == '\'') {
			/* code quotes: keep them literal */
			pg_sb_add(b, *s == '`' ? "\\(ga" : "\\(aq");
		} else
			pg_sb_addn(b, s, 1);
	}
}

char *
pg_ruledoc_man(void)
{
	struct pg_sb	b;
	size_t		i;

	pg_sb_init(&b);
	pg_sb_add(&b, ".\\\" Generated from src/ruledoc.c by `plangen explain --man`.\n");
	for (i = 0; i < pg_ruledoc_count(); i++) {
		const struct pg_ruledoc *r = &pg_ruledocs[i];
		pg_sb_add(&b, ".TP\n.BR ");
		add_roff(&b, pg_finding_id(r->f), 0);
		pg_sb_printf(&b, " \" (%s)\"\n",
		    pg_severity_name(pg_finding_severity(r->f)));
		add_roff(&b, r->summary[PG_LANG_EN], 1);
		pg_sb_add(&b, ".\n");
		add_roff(&b, r->checks[PG_LANG_EN], 1);
		pg_sb_add(&b, "\n.IP\nFix: ");
		add_roff(&b, r->fix[PG_LANG_EN], 0);
		pg_sb_add(&b, "\n");
	}
	return pg_sb_take(&b);
}
