using Microsoft.Extensions.Logging;
using Nija.Runtime.Abstractions.Core;

namespace Nija.Runtime.Cluster;

/// <summary>Failure detection: direct probes and suspicion votes in the table.</summary>
internal sealed partial class MembershipAgent
{
    // Touched only by the probe loop, one round at a time.
    private readonly Dictionary<SiloAddress, int> _missed = [];

    /// <summary>
    /// One round: ping each watched silo; a silo that missed <see cref="ClusterOptions.MissedProbesLimit"/>
    /// in a row gets this silo's vote. A silo nobody watches any more (its heartbeat went stale) is voted too.
    /// </summary>
    private async Task ProbeAsync(CancellationToken cancellationToken)
    {
        var self = _view.Self!.Value;
        var snapshot = _view.Snapshot;
        var watched = Watched(snapshot, self);
        var answers = await Task.WhenAll(watched.Select(s => PingAsync(s, cancellationToken)));
        for (var i = 0; i < watched.Count; i++)
        {
            if (answers[i])
            {
                _missed.Remove(watched[i]);
                continue;
            }

            var missed = _missed[watched[i]] = _missed.GetValueOrDefault(watched[i]) + 1;
            if (missed >= _options.MissedProbesLimit)
            {
                await VoteAsync(watched[i], cancellationToken);
            }
        }

        var now = _time.GetUtcNow();
        foreach (var entry in snapshot.Entries)
        {
            if (entry.Status == SiloStatus.Active && entry.Silo != self && !watched.Contains(entry.Silo)
                && now - entry.HeartbeatAt > _options.HeartbeatStaleAfter)
            {
                await VoteAsync(entry.Silo, cancellationToken);
            }
        }

        foreach (var gone in _missed.Keys.Where(s => !snapshot.Active.Contains(s)).ToList())
        {
            _missed.Remove(gone);
        }
    }

    /// <summary>The active silos after this one in address order, wrapping: each silo is watched by as many others.</summary>
    private List<SiloAddress> Watched(MembershipSnapshot snapshot, SiloAddress self)
    {
        var others = snapshot.Active;
        var start = 0;
        while (start < others.Count && string.CompareOrdinal(others[start].Endpoint, self.Endpoint) <= 0)
        {
            start++;
        }

        var watched = new List<SiloAddress>();
        for (var i = 0; i < others.Count && watched.Count < _options.ProbedSilos; i++)
        {
            var candidate = others[(start + i) % others.Count];
            if (candidate != self && !watched.Contains(candidate))
            {
                watched.Add(candidate);
            }
        }

        return watched;
    }

    private async Task<bool> PingAsync(SiloAddress silo, CancellationToken cancellationToken)
    {
        try
        {
            var connection = await _probes.GetAsync(silo);
            return await connection.PingAsync(_options.ProbeTimeout, cancellationToken);
        }
        catch (SiloUnavailableException)
        {
            return false;
        }
    }

    /// <summary>
    /// Adds this silo's vote against <paramref name="suspect"/> (optimistically: re-read and retry if
    /// the row changed) and declares it dead once enough live silos agree.
    /// </summary>
    private async Task VoteAsync(SiloAddress suspect, CancellationToken cancellationToken)
    {
        var self = _view.Self!.Value;
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var snapshot = await _table.ReadAllAsync(_serviceId, cancellationToken);
            var entry = snapshot.Find(suspect);
            if (entry is null || entry.Status == SiloStatus.Dead)
            {
                _view.Update(snapshot);
                return;
            }

            var now = _time.GetUtcNow();
            List<Suspicion> votes = [.. entry.Suspicions.Where(v => v.By != self && now - v.At < _options.VoteExpiry), new Suspicion(self, now)];
            var voters = snapshot.Entries.Count(e => e.Status == SiloStatus.Active && e.Silo != suspect && now - e.HeartbeatAt < _options.HeartbeatStaleAfter);
            var needed = now - entry.HeartbeatAt > _options.HeartbeatStaleAfter ? 1 : Math.Clamp(voters, 1, _options.VotesForDeath);
            var dead = votes.Count >= needed;
            var updated = entry with { Status = dead ? SiloStatus.Dead : entry.Status, Suspicions = votes };
            if (await _table.TryUpdateAsync(_serviceId, updated, entry.Etag, cancellationToken))
            {
                Voted(suspect, votes.Count, needed, dead);
                if (dead)
                {
                    await RefreshAsync(cancellationToken);
                    Broadcast();
                }

                return;
            }
        }
    }

    /// <summary>An earlier generation on this silo's endpoint is gone for sure (the endpoint is ours now): mark it dead.</summary>
    private async Task RetireEarlierGenerationsAsync(SiloAddress self, CancellationToken cancellationToken)
    {
        var snapshot = await _table.ReadAllAsync(_serviceId, cancellationToken);
        foreach (var old in snapshot.Entries.Where(e => e.Silo.Endpoint == self.Endpoint && e.Silo.Generation < self.Generation && e.Status != SiloStatus.Dead))
        {
            await _table.TryUpdateAsync(_serviceId, old with { Status = SiloStatus.Dead }, old.Etag, cancellationToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Voted silo {Suspect} dead ({Votes} of {Needed} votes); declared dead: {Dead}")]
    private partial void Voted(SiloAddress suspect, int votes, int needed, bool dead);
}
