using System.Diagnostics;
using Nija.Runtime.Abstractions.Core;
using Nija.Runtime.Abstractions.Timers;
using Nija.Runtime.Messaging;
using Nija.Runtime.Metadata;
using Nija.Runtime.Timers;

namespace Nija.Runtime.Activation;

/// <summary>
/// One activation of a grain: its instance, its scheduler and the gate that decides which message
/// may start. Messages start in arrival order; a message starts when nothing runs, or when every
/// running message and it may interleave ([Reentrant], [AlwaysInterleave], [ReadOnly] with
/// [ReadOnly]). Lifecycle (activation and deactivation) is in ActivationData.Lifecycle.cs.
/// </summary>
internal sealed partial class ActivationData : IGrainContext
{
    private static readonly Func<object?, Task> RunTurn = static s =>
    {
        var turn = (Turn)s!;
        return turn.Activation.RunAsync(turn.Message);
    };

    private readonly Lock _lock = new();
    private readonly Queue<Message> _waiting = new();
    private readonly Catalog _catalog;
    private readonly CallChain _rootChain;
    private List<Message>? _forward;
    private ActivationState _state = ActivationState.Creating;
    private int _running;
    private int _runningReadOnly;
    private long _lastActivity;
    private long _keepAliveUntil;

    public ActivationData(GrainId grainId, GrainClassMetadata grainClass, long activationSeq, Catalog catalog)
    {
        GrainId = grainId;
        GrainClass = grainClass;
        ActivationSeq = activationSeq;
        _catalog = catalog;
        ChainId = catalog.ChainIdOf(activationSeq);
        _rootChain = new CallChain(grainId, ChainId, null);
        _lastActivity = catalog.Time.GetTimestamp();
    }

    public GrainId GrainId { get; }

    public GrainClassMetadata GrainClass { get; }

    public long ActivationSeq { get; }

    public string ActivationId => $"{GrainId}@{ActivationSeq}";

    /// <summary>This activation in call chains: unique across the cluster's processes, so that a chain that crossed silos still recognises it.</summary>
    public long ChainId { get; }

    public IGrainFactory GrainFactory => _catalog.GrainFactory;

    public IServiceProvider Services => _catalog.Services;

    public ActivationTaskScheduler Scheduler { get; } = new();

    /// <summary>Messages running plus waiting: how loaded a stateless worker is.</summary>
    public int Load
    {
        get
        {
            lock (_lock)
            {
                return _running + _waiting.Count;
            }
        }
    }

    public bool Enqueue(Message msg)
    {
        string? deadlock = null;
        lock (_lock)
        {
            switch (_state)
            {
                case ActivationState.Invalid:
                    return false;
                case ActivationState.Deactivating:
                    (_forward ??= []).Add(msg);
                    return true;
                case ActivationState.Valid when (_waiting.Count == 0 || msg.Interleave) && CanStart(msg):
                    StartLocked(msg);
                    return true;
                default:
                    if (msg.Chain is { } chain && chain.Contains(ChainId))
                    {
                        deadlock = chain.Describe(GrainId);
                        break;
                    }

                    _waiting.Enqueue(msg);
                    return true;
            }
        }

        msg.Completion?.Fail(new DeadlockException(
            $"Call cycle {deadlock}: {GrainId} is waiting for this call chain, so it cannot take {msg.Name}. " +
            "Mark the grain [Reentrant] or the method [AlwaysInterleave] if the cycle is intended."));
        return true;
    }

    /// <summary>Runs runtime work (a timer tick, a stream item) as a turn of this grain.</summary>
    public Task EnqueueCallback(Func<object?, CancellationToken, Task> callback, object? state, bool interleave, bool keepAlive)
    {
        var completion = new VoidResponseCompletion(false);
        var msg = new Message
        {
            Kind = MessageKind.Callback,
            Target = GrainId,
            Callback = callback,
            CallbackState = state,
            Completion = completion,
            Interleave = interleave,
            KeepAlive = keepAlive,
            Chain = null,
        };
        if (!Enqueue(msg))
        {
            completion.Fail(new ObjectDisposedException(ActivationId, "The activation was deactivated."));
        }

        return completion.Task;
    }

    public void DelayDeactivation(TimeSpan timeSpan)
    {
        var until = _catalog.Time.GetTimestamp() + (long)(timeSpan.TotalSeconds * _catalog.Time.TimestampFrequency);
        Interlocked.Exchange(ref _keepAliveUntil, until);
    }

    public IGrainTimer RegisterTimer(Func<object?, CancellationToken, Task> callback, object? state, GrainTimerCreationOptions options)
    {
        var timer = new GrainTimer(this, _catalog.Time, callback, state, options);
        AddLifetimeResource(timer);
        timer.Start();
        return timer;
    }

    public void LogTimerFailure(Exception e) => _catalog.LogTimerFailure(GrainId, e);

    public bool IsIdle(long now, TimeSpan ageLimit)
    {
        lock (_lock)
        {
            return _state == ActivationState.Valid && _running == 0 && _waiting.Count == 0
                && _catalog.Time.GetElapsedTime(_lastActivity, now) >= ageLimit
                && now >= Interlocked.Read(ref _keepAliveUntil);
        }
    }

    private bool CanStart(Message msg) =>
        _running == 0 || msg.Interleave || GrainClass.IsReentrant || (msg.IsReadOnly && _running == _runningReadOnly);

    private void StartLocked(Message msg)
    {
        _running++;
        if (msg.IsReadOnly)
        {
            _runningReadOnly++;
        }

        if (msg.KeepAlive)
        {
            _lastActivity = _catalog.Time.GetTimestamp();
        }

        _ = Task.Factory.StartNew(RunTurn, new Turn(this, msg), CancellationToken.None, TaskCreationOptions.DenyChildAttach, Scheduler);
    }

    private void PumpLocked()
    {
        while (_waiting.TryPeek(out var next) && CanStart(next))
        {
            StartLocked(_waiting.Dequeue());
        }
    }

    private async Task RunAsync(Message msg)
    {
        RuntimeCallContext.Enter(this, msg.Chain is null ? _rootChain : new CallChain(GrainId, ChainId, msg.Chain));
        Abstractions.Context.RequestContext.Import(msg.RequestContext);
        object? result = null;
        Exception? error = null;
        try
        {
            if (msg.Kind == MessageKind.Request)
            {
                result = await _catalog.Invoke(_grain!, msg);
            }
            else
            {
                await msg.Callback!(msg.CallbackState, CancellationToken.None);
            }
        }
        catch (Exception e)
        {
            error = e;
        }

        // The turn ends before the caller hears back: whoever awaits a call sees the activation free.
        OnTurnCompleted(msg);
        msg.Method?.Stats.Record(Stopwatch.GetElapsedTime(msg.StartTimestamp), failed: error is not null);
        if (error is null)
        {
            msg.Completion?.Complete(result);
        }
        else if (msg.Completion is null)
        {
            _catalog.LogOneWayFailure(GrainId, msg.Name, error);
        }
        else
        {
            msg.Completion.Fail(error);
        }
    }

    private void OnTurnCompleted(Message msg)
    {
        bool deactivateNow;
        lock (_lock)
        {
            _running--;
            if (msg.IsReadOnly)
            {
                _runningReadOnly--;
            }

            if (_state == ActivationState.Valid)
            {
                PumpLocked();
            }

            deactivateNow = ShouldStartDeactivationLocked();
        }

        if (deactivateNow)
        {
            StartDeactivation();
        }
    }

    private sealed record Turn(ActivationData Activation, Message Message);
}
