using Microsoft.Extensions.DependencyInjection;
using Nija.Runtime.Abstractions.Context;
using Nija.Runtime.Abstractions.Filters;
using Nija.Runtime.Hosting;
using Nija.Runtime.Tests.Grains;
using Nija.Runtime.Tests.Support;

namespace Nija.Runtime.Tests.Messaging;

public sealed class FilterAndContextTests
{
    [Fact]
    public async Task Incoming_and_outgoing_filters_see_every_call_including_grain_to_grain_calls()
    {
        var probe = new Probe();
        await using var silo = await Silos.StartAsync(probe, s => s.UseInMemoryStorage().AddIncomingGrainCallFilter<RecordingIncomingFilter>().AddOutgoingGrainCallFilter<RecordingOutgoingFilter>());
        var a = silo.GrainFactory.GetGrain<IContextGrain>("a");
        var b = silo.GrainFactory.GetGrain<IContextGrain>("b");

        await a.TenantDownstream(b);

        Assert.Equal(
            ["out:host->context/a:TenantDownstream", "in:context/a:TenantDownstream", "out:context/a->context/b:TenantHere", "in:context/b:TenantHere"],
            probe.Events);
    }

    [Fact]
    public async Task A_filter_can_replace_the_result()
    {
        var probe = new Probe();
        await using var silo = await Silos.StartAsync(probe, s => s.UseInMemoryStorage().AddIncomingGrainCallFilter<RewritingFilter>());

        Assert.Equal("rewritten", await silo.GrainFactory.GetGrain<IContextGrain>("x").TenantHere());
    }

    [Fact]
    public async Task The_request_context_flows_with_a_call_and_on_to_the_calls_it_makes()
    {
        await using var silo = await Silos.StartAsync(new Probe());
        var a = silo.GrainFactory.GetGrain<IContextGrain>("ctx-a");
        var b = silo.GrainFactory.GetGrain<IContextGrain>("ctx-b");

        RequestContext.TenantId = "tenant-42";
        try
        {
            Assert.Equal("tenant-42", await a.TenantHere());
            Assert.Equal("tenant-42", await a.TenantDownstream(b));
        }
        finally
        {
            RequestContext.Clear();
        }

        Assert.Null(await a.TenantHere());
    }

    [Fact]
    public async Task An_exception_thrown_by_a_grain_reaches_the_caller_with_its_type_and_message()
    {
        await using var silo = await Silos.StartAsync(new Probe());

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => silo.GrainFactory.GetGrain<IContextGrain>("f").Fail());

        Assert.Equal("This call fails on purpose.", error.Message);
    }

    public sealed class RecordingIncomingFilter(Probe probe) : IIncomingGrainCallFilter
    {
        public Task Invoke(IIncomingGrainCallContext context)
        {
            probe.Record($"in:{context.TargetId}:{context.InterfaceMethod.Name}");
            return context.Invoke();
        }
    }

    public sealed class RecordingOutgoingFilter(Probe probe) : IOutgoingGrainCallFilter
    {
        public Task Invoke(IOutgoingGrainCallContext context)
        {
            probe.Record($"out:{context.SourceId?.ToString() ?? "host"}->{context.TargetId}:{context.InterfaceMethod.Name}");
            return context.Invoke();
        }
    }

    public sealed class RewritingFilter : IIncomingGrainCallFilter
    {
        public async Task Invoke(IIncomingGrainCallContext context)
        {
            await context.Invoke();
            context.Result = "rewritten";
        }
    }
}
