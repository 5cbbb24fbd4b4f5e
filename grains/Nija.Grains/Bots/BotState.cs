using Nija.GrainInterfaces.Bots;

namespace Nija.Grains.Bots;

public sealed class BotState
{
    public BotRunState State { get; set; }

    public string Strategy { get; set; } = "apex-dual-rsi";

    public List<string> Pairs { get; set; } = [];
}
