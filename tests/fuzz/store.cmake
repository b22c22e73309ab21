# tests/fuzz/store.cmake — the store's fuzz targets (state file; keys and signatures).
# ctest replays each target over its seed corpus with a plain main (store_replay.cpp); with
# -DKIOSK_LIBFUZZER=ON and clang the same sources link against libFuzzer for real fuzzing:
#   CXX=clang++ CC=clang cmake -S . -B build-fuzz -G Ninja -DKIOSK_LIBFUZZER=ON
#   cmake --build build-fuzz --target fuzz_store_state fuzz_signature
#   build-fuzz/tests/fuzz_store_state tests/fuzz/corpus/store_state -max_total_time=60
foreach(target store_state signature)
  add_executable(replay_${target} ${CMAKE_CURRENT_LIST_DIR}/${target}_fuzz.cpp ${CMAKE_CURRENT_LIST_DIR}/store_replay.cpp)
  target_link_libraries(replay_${target} PRIVATE bundle)
  add_test(NAME fuzz.replay.${target} COMMAND replay_${target} ${CMAKE_CURRENT_LIST_DIR}/corpus/${target})
  if(KIOSK_LIBFUZZER)
    add_executable(fuzz_${target} ${CMAKE_CURRENT_LIST_DIR}/${target}_fuzz.cpp)
    target_compile_options(fuzz_${target} PRIVATE -fsanitize=fuzzer,address,undefined)
    target_link_options(fuzz_${target} PRIVATE -fsanitize=fuzzer,address,undefined)
    target_link_libraries(fuzz_${target} PRIVATE bundle)
  endif()
endforeach()
