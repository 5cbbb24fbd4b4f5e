namespace Nija.Runtime.Abstractions.Core;

/// <summary>
/// Returns typed references to grains. Getting a reference does not activate anything: the grain
/// is activated by the first call. References are cheap, thread-safe and can be kept.
/// </summary>
public interface IGrainFactory
{
    /// <summary>A reference to the grain of interface <typeparamref name="TGrain"/> with this string key.</summary>
    TGrain GetGrain<TGrain>(string key) where TGrain : IGrainWithStringKey;

    /// <summary>A reference to the grain of interface <typeparamref name="TGrain"/> with this Guid key.</summary>
    TGrain GetGrain<TGrain>(Guid key) where TGrain : IGrainWithGuidKey;

    /// <summary>A reference to the grain of interface <typeparamref name="TGrain"/> with this integer key.</summary>
    TGrain GetGrain<TGrain>(long key) where TGrain : IGrainWithIntegerKey;

    /// <summary>A reference to a grain by its full identity, typed as <typeparamref name="TGrain"/>.</summary>
    TGrain GetGrain<TGrain>(GrainId id) where TGrain : IGrain;
}
