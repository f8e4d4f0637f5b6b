// child_output.hpp - what the --run parent reads from a group's child: its output pipes, drained by
// threads of their own (the parent's timeout never waits on a read), split into lines with the
// password scrubbed. Windows only.
#pragma once

#include <cstdio>
#include <memory>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

#include <mprnotify/core/platform.hpp>

#include "options.hpp"

namespace mprcheck::run {

/// `text` with every copy of `secret` replaced: a DLL echoing it keeps its line, not the password.
inline void scrub(std::string& text, const std::string& secret)
{
    for (std::size_t at = 0; !secret.empty() && (at = text.find(secret, at)) != std::string::npos;) {
        text.replace(at, secret.size(), "<password>");
    }
}

/// Splits bytes as they arrive into lines, each without its "\r\n".
class line_splitter {
public:
    template <class F>
    void feed(const std::string& data, F&& on_line)
    {
        pending_ += data;
        std::size_t end = 0;
        while ((end = pending_.find('\n')) != std::string::npos) {
            on_line(trimmed(pending_.substr(0, end)));
            pending_.erase(0, end + 1);
        }
    }
    template <class F>
    void finish(F&& on_line)
    {
        if (!pending_.empty()) {
            on_line(trimmed(pending_));
            pending_.clear();
        }
    }

private:
    static std::string trimmed(std::string text)
    {
        if (!text.empty() && text.back() == '\r') {
            text.pop_back();
        }
        return text;
    }
    std::string pending_;
};

/// The verdicts printed so far.
struct tally {
    unsigned ok = 0;
    unsigned fail = 0;
    unsigned notes = 0;
    unsigned skipped = 0;
};

/// The child's standard output, line by line, printed as it arrives.
class line_reader {
public:
    line_reader(std::string group, std::string secret, tally& counts)
        : group_(std::move(group)), secret_(std::move(secret)), counts_(counts)
    {
    }
    void feed(const std::string& data)
    {
        lines_.feed(data, [this](std::string text) { line(std::move(text)); });
    }
    void finish()
    {
        lines_.finish([this](std::string text) { line(std::move(text)); });
    }
    [[nodiscard]] const std::string& last_id() const noexcept { return last_id_; }
    [[nodiscard]] const std::string& load_error() const noexcept { return load_error_; }

private:
    void line(std::string text)
    {
        scrub(text, secret_);
        if (text.rfind("@ ", 0) == 0) {
            last_id_ = text.substr(2);
            return;
        }
        if (text.rfind("! ", 0) == 0) {
            load_error_ = text.substr(2);
            return;
        }
        if (text.rfind("ok ", 0) == 0) {
            ++counts_.ok;
        } else if (text.rfind("FAIL ", 0) == 0) {
            ++counts_.fail;
        } else if (text.rfind("note ", 0) == 0) {
            ++counts_.notes;
        } else if (text.rfind("SKIPPED ", 0) == 0) {
            ++counts_.skipped;
        } else {
            ++counts_.notes; // the DLL printed it itself
            text = "note  " + group_ + ".output  the DLL printed: " + text;
        }
        std::printf("%s\n", text.c_str());
        std::fflush(stdout);
    }

    std::string group_;
    std::string secret_;
    tally& counts_;
    line_splitter lines_;
    std::string last_id_ = "(start)";
    std::string load_error_;
};

/// The child's standard error (the DLL's own diagnostics): counted, and the first lines kept.
class error_collector {
public:
    explicit error_collector(std::string secret) : secret_(std::move(secret)) {}
    void feed(const std::string& data)
    {
        lines_.feed(data, [this](std::string text) { line(std::move(text)); });
    }
    /// Prints one note for the whole group when the DLL wrote anything; true when it did.
    bool report(const std::string& group)
    {
        lines_.finish([this](std::string text) { line(std::move(text)); });
        if (count_ == 0) {
            return false;
        }
        std::string text = "note  " + group + ".stderr  the DLL wrote " + std::to_string(count_) +
                           (count_ == 1 ? " line" : " lines") + " to standard error";
        for (std::size_t i = 0; i < first_.size(); ++i) {
            text += (i == 0 ? (count_ > first_.size() ? ", the first: " : ": ") : " | ") + first_[i];
        }
        std::printf("%s\n", text.c_str());
        std::fflush(stdout);
        return true;
    }

private:
    void line(std::string text)
    {
        ++count_;
        if (first_.size() < 3) {
            scrub(text, secret_);
            if (text.size() > 120) {
                text = text.substr(0, 117) + "...";
            }
            first_.push_back(text);
        }
    }
    std::string secret_;
    line_splitter lines_;
    std::size_t count_ = 0;
    std::vector<std::string> first_;
};

/// A pipe's reading end, read by a thread of its own: a read may block for as long as the child
/// neither writes nor ends, and the parent's timeout must not wait for it.
class pipe_drain {
public:
    explicit pipe_drain(HANDLE pipe) : state_(std::make_shared<shared>())
    {
        state_->pipe = pipe;
        auto* handed = new std::shared_ptr<shared>(state_);
        thread_ = ::CreateThread(nullptr, 0, &pipe_drain::read_all, handed, 0, nullptr);
        if (thread_ == nullptr) {
            delete handed; // nothing is read: the state closes the pipe
        }
    }
    pipe_drain(const pipe_drain&) = delete;
    pipe_drain& operator=(const pipe_drain&) = delete;
    ~pipe_drain()
    {
        if (thread_ != nullptr) {
            // A read still blocked (a grandchild holding the pipe open): cancelled, and left to the
            // thread, which owns its share of the state.
            ::CancelSynchronousIo(thread_);
            ::WaitForSingleObject(thread_, 500);
            ::CloseHandle(thread_);
        }
    }
    /// The bytes read since the last call.
    [[nodiscard]] std::string take()
    {
        const std::lock_guard<std::mutex> hold{state_->lock};
        return std::exchange(state_->data, std::string{});
    }
    /// Waits up to `milliseconds` for the end of the pipe (every writer closed it).
    bool wait_end(DWORD milliseconds) const
    {
        return thread_ == nullptr || ::WaitForSingleObject(thread_, milliseconds) == WAIT_OBJECT_0;
    }

private:
    struct shared {
        HANDLE pipe = nullptr;
        std::mutex lock;
        std::string data;
        ~shared() { ::CloseHandle(pipe); }
    };
    static DWORD WINAPI read_all(void* handed)
    {
        const std::unique_ptr<std::shared_ptr<shared>> owner{static_cast<std::shared_ptr<shared>*>(handed)};
        shared& state = **owner;
        char chunk[4096];
        DWORD got = 0;
        while (::ReadFile(state.pipe, chunk, sizeof chunk, &got, nullptr) && got > 0) {
            const std::lock_guard<std::mutex> hold{state.lock};
            state.data.append(chunk, got);
        }
        return 0;
    }
    std::shared_ptr<shared> state_;
    HANDLE thread_ = nullptr;
};

/// --in-process: runs `groups` one by one in this process (a thread each, for the timeout), printing
/// their lines as a child's are printed. 0 when every group ran, 2 when the DLL does not load, 1 when
/// a group hung: its FAIL and the later groups' SKIPPED lines are printed, and the caller prints the
/// summary and ends the process (the hung call cannot be stopped, only ended with it).
[[nodiscard]] int run_in_process(const run_options& options, const std::vector<std::string>& groups,
                                 const std::string& secret, tally& counts);

} // namespace mprcheck::run
