using Nija.Runtime.Abstractions.Context;
using Nija.Runtime.Abstractions.Core;

namespace Nija.Runtime.Tests.Grains;

public interface IContextGrain : IGrainWithStringKey
{
    Task<string?> TenantHere();

    Task<string?> TenantDownstream(IContextGrain other);

    Task Fail();
}

public sealed class ContextGrain : Grain, IContextGrain
{
    Task<string?> IContextGrain.TenantHere() => Task.FromResult(RequestContext.TenantId);

    Task<string?> IContextGrain.TenantDownstream(IContextGrain other) => other.TenantHere();

    Task IContextGrain.Fail() => throw new InvalidOperationException("This call fails on purpose.");
}
