namespace Nija.GrainInterfaces.Demo;

/// <summary>A greeting and how many this grain has given.</summary>
/// <param name="Text">The greeting.</param>
/// <param name="Count">Greetings given so far, this one included.</param>
/// <param name="At">When it was given.</param>
public sealed record Greeting(string Text, int Count, DateTimeOffset At);
