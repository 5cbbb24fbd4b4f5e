using System.Collections.Immutable;

namespace Nija.GrainInterfaces.Bots;

/// <summary>What a bot is doing and has done since it last started.</summary>
public sealed record BotStatus(BotRunState State, string Strategy, ImmutableArray<string> Pairs, long PricesSeen, long OrdersPlaced, string? LastSignal);
