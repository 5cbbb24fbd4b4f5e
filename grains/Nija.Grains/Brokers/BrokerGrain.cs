using Microsoft.Extensions.Options;
using Nija.GrainInterfaces.Brokers;
using Nija.Runtime.Abstractions.Core;

namespace Nija.Grains.Brokers;

/// <summary>
/// An exchange's token bucket and circuit breaker, in memory (a restart starts closed with a full
/// bucket, which is what the exchange's own counters would allow after the time a restart takes).
/// Closed: permits while tokens last. Open after enough consecutive failures: every request is
/// refused at once until the open period ends. Half-open: one probe request; its success closes
/// the circuit, its failure opens it again.
/// </summary>
[GrainType("broker")]
public sealed class BrokerGrain(IOptions<BrokerGuardOptions> options, TimeProvider time) : Grain, IBrokerGrain
{
    private double _tokens = double.NaN;
    private DateTimeOffset _refilledAt;
    private CircuitState _circuit = CircuitState.Closed;
    private int _failures;
    private DateTimeOffset? _openedAt;
    private bool _probeOut;
    private string? _lastError;

    private BrokerBudget Budget => options.Value.BudgetOf(GetPrimaryKeyString());

    Task<BrokerPermit> IBrokerGrain.Acquire(int weight)
    {
        var now = time.GetUtcNow();
        Refill(now);
        var openFor = TimeSpan.FromSeconds(options.Value.OpenSeconds);
        if (_circuit == CircuitState.Open)
        {
            if (now - _openedAt!.Value < openFor)
            {
                return Task.FromResult(new BrokerPermit(false, $"{GetPrimaryKeyString()} is failing ({_lastError}); requests pause until the circuit half-opens.", _openedAt.Value + openFor - now));
            }

            _circuit = CircuitState.HalfOpen;
            _probeOut = false;
        }

        if (_circuit == CircuitState.HalfOpen && _probeOut)
        {
            return Task.FromResult(new BrokerPermit(false, $"{GetPrimaryKeyString()} is being probed after failures.", TimeSpan.FromSeconds(1)));
        }

        var cost = Math.Max(1, weight);
        if (_tokens < cost)
        {
            return Task.FromResult(new BrokerPermit(false, $"{GetPrimaryKeyString()}'s request budget is used up.", TimeSpan.FromSeconds((cost - _tokens) / Budget.PerSecond)));
        }

        _tokens -= cost;
        _probeOut = _circuit == CircuitState.HalfOpen;
        return Task.FromResult(new BrokerPermit(true, null, TimeSpan.Zero));
    }

    Task IBrokerGrain.Report(bool succeeded, string? error)
    {
        if (succeeded)
        {
            _failures = 0;
            _circuit = CircuitState.Closed;
            _openedAt = null;
        }
        else
        {
            _failures++;
            _lastError = error;
            if (_circuit == CircuitState.HalfOpen || _failures >= options.Value.FailuresToOpen)
            {
                _circuit = CircuitState.Open;
                _openedAt = time.GetUtcNow();
            }
        }

        _probeOut = false;
        return Task.CompletedTask;
    }

    Task<BrokerHealth> IBrokerGrain.Health()
    {
        Refill(time.GetUtcNow());
        return Task.FromResult(new BrokerHealth(GetPrimaryKeyString(), _circuit, Math.Round(_tokens, 2), _failures, _openedAt, _lastError));
    }

    private void Refill(DateTimeOffset now)
    {
        if (double.IsNaN(_tokens))
        {
            _tokens = Budget.Burst;
            _refilledAt = now;
            return;
        }

        _tokens = Math.Min(Budget.Burst, _tokens + (now - _refilledAt).TotalSeconds * Budget.PerSecond);
        _refilledAt = now;
    }
}
