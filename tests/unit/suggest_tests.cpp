// "Did you mean" must stay cheap whatever is typed: a 128K-character routine name against 300
// user routines took 80 s in the edit distance. The caps are tested, not the time.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "roll/suggest.hpp"

using namespace roll;

TEST_CASE("a word longer than the suggestion cap gets no suggestion and costs nothing") {
  std::string at_cap(max_suggest_bytes, 'a');
  std::string near_at_cap = at_cap;
  near_at_cap.back() = 'b';
  CHECK(closest_match(at_cap, {near_at_cap}) == near_at_cap);

  std::string over = at_cap + "a";
  std::string near_over = over;
  near_over.back() = 'b';
  CHECK(closest_match(over, {near_over}).empty());
  CHECK(closest_match(std::string(131072, 'a'), {"aaaa", near_over}).empty());
}

TEST_CASE("candidates longer than the cap, or past the candidate cap, are not considered") {
  std::string word(10, 'a');
  std::string long_candidate(max_suggest_bytes + 1, 'a');
  CHECK(closest_match(long_candidate, {long_candidate}).empty());

  std::vector<std::string> names(max_suggest_candidates, "zzzzzzzzzz");
  names.push_back("aaaaaaaaab");
  std::vector<std::string_view> views(names.begin(), names.end());
  CHECK(closest_match(word, views).empty());
  views.erase(views.begin());
  CHECK(closest_match(word, views) == "aaaaaaaaab");
}
