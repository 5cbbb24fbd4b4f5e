using System.Collections.Immutable;

namespace Nija.GrainInterfaces.Settings;

/// <summary>A settings change with out-of-range values; <see cref="Errors"/> names each field.</summary>
public sealed class SettingsValidationException : Exception
{
    public SettingsValidationException(ImmutableDictionary<string, string> errors)
        : base("Invalid settings: " + string.Join("; ", errors.Select(e => $"{e.Key}: {e.Value}"))) => Errors = errors;

    public SettingsValidationException() : this(ImmutableDictionary<string, string>.Empty) { }

    public SettingsValidationException(string message) : base(message) => Errors = ImmutableDictionary<string, string>.Empty;

    public SettingsValidationException(string message, Exception inner) : base(message, inner) => Errors = ImmutableDictionary<string, string>.Empty;

    /// <summary>Field name → what is wrong with it.</summary>
    public ImmutableDictionary<string, string> Errors { get; }
}
