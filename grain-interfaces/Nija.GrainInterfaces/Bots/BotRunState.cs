namespace Nija.GrainInterfaces.Bots;

/// <summary>A bot's switch: running, paused (exits only, no new entries) or stopped.</summary>
public enum BotRunState
{
    Stopped,
    Running,
    Paused,
}
