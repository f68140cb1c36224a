#pragma once
// Each test executable has exactly one main.cpp that includes this header.
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>
