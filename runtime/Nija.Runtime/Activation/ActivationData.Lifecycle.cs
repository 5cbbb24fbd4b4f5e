using Nija.Runtime.Abstractions.Core;
using Nija.Runtime.Messaging;

namespace Nija.Runtime.Activation;

/// <summary>Activation and deactivation of an <see cref="ActivationData"/>.</summary>
internal sealed partial class ActivationData
{
    private readonly TaskCompletionSource _deactivated = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly List<IDisposable> _lifetime = [];
    private Grain? _grain;
    private DeactivationReason? _deactivation;
    private bool _deactivationStarted;

    /// <summary>Completes when the activation is gone.</summary>
    public Task Deactivated => _deactivated.Task;

    public Grain? Instance => _grain;

    public void Activate() =>
        _ = Task.Factory.StartNew(static s => ((ActivationData)s!).ActivateAsync(), this, CancellationToken.None, TaskCreationOptions.DenyChildAttach, Scheduler);

    public void DeactivateOnIdle() => RequestDeactivation(new DeactivationReason(DeactivationReasonCode.ApplicationRequested, "DeactivateOnIdle was called."));

    /// <summary>Stops taking messages and deactivates once the running ones are done.</summary>
    public Task RequestDeactivation(DeactivationReason reason)
    {
        bool startNow;
        lock (_lock)
        {
            if (_state == ActivationState.Invalid || _deactivation is not null)
            {
                return Deactivated;
            }

            _deactivation = reason;
            if (_state == ActivationState.Valid)
            {
                _state = ActivationState.Deactivating;
            }

            startNow = ShouldStartDeactivationLocked();
        }

        if (startNow)
        {
            StartDeactivation();
        }

        return Deactivated;
    }

    public void AddLifetimeResource(IDisposable resource)
    {
        lock (_lock)
        {
            _lifetime.Add(resource);
        }
    }

    public void RemoveLifetimeResource(IDisposable resource)
    {
        lock (_lock)
        {
            _lifetime.Remove(resource);
        }
    }

    private bool ShouldStartDeactivationLocked()
    {
        if (_state != ActivationState.Deactivating || _running != 0 || _deactivationStarted)
        {
            return false;
        }

        _deactivationStarted = true;
        while (_waiting.TryDequeue(out var m))
        {
            (_forward ??= []).Add(m);
        }

        return true;
    }

    private void StartDeactivation() =>
        _ = Task.Factory.StartNew(static s => ((ActivationData)s!).DeactivateAsync(), this, CancellationToken.None, TaskCreationOptions.DenyChildAttach, Scheduler);

    private async Task ActivateAsync()
    {
        RuntimeCallContext.Enter(this, _rootChain);
        try
        {
            if (GrainClass.UsesDirectory && _catalog.Locator is { } locator
                && !await locator.RegisterAsync(GrainId, ActivationSeq, CancellationToken.None))
            {
                GiveWay();
                return;
            }

            if (!GrainClass.UsesDirectory && _catalog.HandOff is { } handOff)
            {
                await handOff.WaitForLeavingOwnerAsync(GrainId);
            }

            var (grain, states) = _catalog.Activator.Create(this);
            grain.Attach(this);
            _grain = grain;
            foreach (var state in states)
            {
                await state.ReadStateAsync();
            }

            await grain.OnActivateAsync(CancellationToken.None);
        }
        catch (Exception e)
        {
            _catalog.LogActivationFailure(GrainId, e);
            List<Message> failed;
            lock (_lock)
            {
                _state = ActivationState.Invalid;
                failed = [.. _waiting, .. _forward ?? []];
                _waiting.Clear();
            }

            _catalog.OnDeactivated(this);
            _deactivated.TrySetResult();
            foreach (var m in failed)
            {
                m.Completion?.Fail(e);
            }

            return;
        }

        bool deactivateNow;
        lock (_lock)
        {
            _state = _deactivation is null ? ActivationState.Valid : ActivationState.Deactivating;
            _lastActivity = _catalog.Time.GetTimestamp();
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

    // Another silo holds the grain: this activation never ran, and its messages go there.
    private void GiveWay()
    {
        List<Message> waiting;
        lock (_lock)
        {
            _state = ActivationState.Invalid;
            waiting = [.. _waiting, .. _forward ?? []];
            _waiting.Clear();
            _forward = null;
        }

        _catalog.OnDeactivated(this);
        _deactivated.TrySetResult();
        foreach (var m in waiting)
        {
            _catalog.Reroute(m);
        }
    }

    private async Task DeactivateAsync()
    {
        RuntimeCallContext.Enter(this, _rootChain);
        IDisposable[] resources;
        lock (_lock)
        {
            resources = [.. _lifetime];
            _lifetime.Clear();
        }

        foreach (var r in resources)
        {
            r.Dispose();
        }

        try
        {
            // A silo declared dead must not write: the grain already lives on another silo.
            if (!_catalog.IsAbandoned)
            {
                using var cts = new CancellationTokenSource(_catalog.Options.DeactivationTimeout, _catalog.Time);
                await _grain!.OnDeactivateAsync(_deactivation!, cts.Token);
            }
        }
        catch (Exception e)
        {
            _catalog.LogDeactivationFailure(GrainId, e);
        }

        await UnregisterAsync();

        List<Message> forward;
        lock (_lock)
        {
            _state = ActivationState.Invalid;
            forward = [.. _forward ?? [], .. _waiting];
            _forward = null;
            _waiting.Clear();
        }

        _catalog.OnDeactivated(this);
        _deactivated.TrySetResult();
        foreach (var m in forward)
        {
            if (m.Kind == MessageKind.Request)
            {
                _catalog.Forward(m);
            }
            else
            {
                m.Completion?.Fail(new ObjectDisposedException(ActivationId, "The activation was deactivated."));
            }
        }
    }

    private async Task UnregisterAsync()
    {
        if (_catalog.IsAbandoned || !GrainClass.UsesDirectory || _catalog.Locator is not { } locator)
        {
            return;
        }

        try
        {
            await locator.UnregisterAsync(GrainId, ActivationSeq, CancellationToken.None);
        }
        catch (Exception e)
        {
            _catalog.LogUnregisterFailure(GrainId, e);
        }
    }
}
