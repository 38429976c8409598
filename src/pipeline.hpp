// Two stages on two threads: a worker produces batches, the calling thread
// consumes them in order. Used where one half of a job cannot be shared
// (the audit chain, the SQLite connection) and the other half can run beside it.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <exception>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace sfcore::detail {

/**
 * Run produce(hand_over) on a second thread, and consume(batch) on this one
 * for each batch it hands over, in order.
 *
 * - hand_over(std::vector<T>&&) queues a batch (at most max_queued wait at
 *   once) and returns false once the consumer has stopped: produce should
 *   then return.
 * - consume(std::vector<T>&) returns false to stop early.
 * - An exception from produce is rethrown here once the batches it handed
 *   over before it are consumed (hand over what was made before the fault,
 *   then throw). An exception from consume stops produce and propagates.
 *
 * The worker is always joined before two_stage() returns or throws.
 */
template <class T, class Produce, class Consume>
void two_stage(Produce&& produce, Consume&& consume, std::size_t max_queued = 8) {
    std::mutex lock;
    std::condition_variable changed;
    std::deque<std::vector<T>> ready;
    bool done = false, stop = false;
    std::exception_ptr failure;
    const std::function<bool(std::vector<T>&&)> hand_over = [&](std::vector<T>&& batch) {
        std::unique_lock<std::mutex> l(lock);
        changed.wait(l, [&] { return stop || ready.size() < max_queued; });
        if (stop) return false;
        ready.push_back(std::move(batch));
        changed.notify_all();
        return true;
    };
    std::thread worker([&] {
        try {
            produce(hand_over);
        } catch (...) {
            std::lock_guard<std::mutex> l(lock);
            failure = std::current_exception();
        }
        std::lock_guard<std::mutex> l(lock);
        done = true;
        changed.notify_all();
    });
    struct joiner {  // stop and join the worker on every way out
        std::thread& t;
        std::mutex& m;
        std::condition_variable& cv;
        bool& stop;
        ~joiner() {
            {
                std::lock_guard<std::mutex> l(m);
                stop = true;
                cv.notify_all();
            }
            t.join();
        }
    } join_at_end{worker, lock, changed, stop};
    for (;;) {
        std::vector<T> batch;
        {
            std::unique_lock<std::mutex> l(lock);
            changed.wait(l, [&] { return !ready.empty() || done; });
            if (ready.empty()) break;
            batch = std::move(ready.front());
            ready.pop_front();
            changed.notify_all();
        }
        if (!consume(batch)) return;
    }
    if (failure) std::rethrow_exception(failure);
}

} // namespace sfcore::detail
