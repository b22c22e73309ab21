// report.h — kiosk-bench's output: the readable table (each figure with what it means), the
// budgets judged (budgets.h) as PASS/FAIL lines, and the same in the JSON object.
#pragma once
#include <iosfwd>

#include "figures.h"

namespace bench {

// Adds "budgets": [{name, figure, scenario?, limit, unit, value, pass}] and "pass" to `report`;
// returns the number of budgets failed (a figure that could not be measured fails).
int judge(json& report);

// The table a person reads: figures, what they mean, then the budgets.
void print_table(const json& report, std::ostream& out);

}  // namespace bench
