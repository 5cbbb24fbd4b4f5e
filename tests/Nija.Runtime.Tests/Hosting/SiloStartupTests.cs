using Microsoft.Extensions.Options;
using Nija.Runtime.Hosting;
using Nija.Runtime.Testing;
using Nija.Runtime.Tests.Invalid;
using Nija.Runtime.Tests.Support;

namespace Nija.Runtime.Tests.Hosting;

public sealed class SiloStartupTests
{
    [Fact]
    public async Task A_grain_interface_with_an_argument_that_cannot_be_serialized_stops_the_silo_from_starting()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => TestSilo.StartAsync(silo =>
            silo.AddGrains(typeof(DelegateGrain).Assembly, t => t == typeof(DelegateGrain) || t == typeof(StreamReturningGrain))));

        Assert.Contains("IDelegateGrain.Run parameter 'callback'", error.Message, StringComparison.Ordinal);
        Assert.Contains("IStreamReturningGrain.Open result", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_grain_method_that_does_not_return_a_task_stops_the_silo_from_starting()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => TestSilo.StartAsync(silo =>
            silo.AddGrains(typeof(SyncGrain).Assembly, t => t == typeof(SyncGrain))));

        Assert.Contains("ISyncGrain.Now returns System.Int32", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_persistent_state_type_without_a_parameterless_constructor_stops_the_silo_from_starting()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => TestSilo.StartAsync(silo =>
            silo.AddGrains(typeof(RecordStateGrain).Assembly, t => t == typeof(RecordStateGrain)).UseInMemoryStorage()));

        Assert.Contains("RecordStateGrain state 'state'", error.Message, StringComparison.Ordinal);
        Assert.Contains("parameterless constructor", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invalid_silo_settings_stop_the_start_and_name_the_setting()
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => Silos.StartAsync(new Probe(),
            settings: new Dictionary<string, string?> { ["Nija:Silo:DefaultResponseTimeout"] = "-00:00:01", ["Nija:Silo:ServiceId"] = "" }));

        Assert.Contains("Nija:Silo:DefaultResponseTimeout must be greater than zero", error.Message, StringComparison.Ordinal);
        Assert.Contains("Nija:Silo:ServiceId", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invalid_sqlite_settings_stop_the_start_and_name_the_setting()
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => Silos.StartAsync(new Probe(),
            s => Sqlite.SqliteSiloBuilderExtensions.UseSqlite(s, o => o.FileName = "bad/name.db")));

        Assert.Contains("Nija:Storage:Sqlite:FileName", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_postgres_connection_string_stops_the_start_and_names_the_setting()
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => Silos.StartAsync(new Probe(),
            s => PostgreSql.PostgreSqlSiloBuilderExtensions.UsePostgreSql(s)));

        Assert.Contains("Nija:Storage:PostgreSql:ConnectionString is required", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_default_options_are_valid()
    {
        Assert.True(new SiloOptionsValidator().Validate(null, new SiloOptions()).Succeeded);
    }
}
