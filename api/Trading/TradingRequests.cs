using System.Collections.Immutable;
using Nija.GrainInterfaces.Risk;

namespace Nija.Api.Trading;

internal sealed record StartBotRequest(string? Strategy = null, ImmutableArray<string>? Pairs = null);

internal sealed record EmergencyStopRequest(string? Reason = null, KillSwitchLevel? Level = null);
