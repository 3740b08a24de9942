#define DOCTEST_CONFIG_IMPLEMENT
#include <doctest/doctest.h>

#include "suite_main.hpp"

int main(int argc, char** argv) {
  return roll::test::run_suite(argc, argv);
}
