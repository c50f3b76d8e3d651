using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Dashboard;
using Orleans.Providers;
using Orleans.Streams;
using Upt.Silo.ChangeStream;
using Upt.Grains;
using Upt.Grains.Batch;
using Upt.Grains.Errors;
using Upt.Grains.Ingest.Backup;
using Upt.Grains.Privacy;
using Upt.Streaming.Kinesis.Hosting;

namespace Upt.Silo.Hosting;

/// <summary>
/// Every provider of the silo in one readable block: ADO.NET clustering and grain storage on PostgreSQL,
/// the Kinesis input stream (and the raw backup of what it consumes) and the in-cluster change streams.
/// </summary>
internal static class SiloSetup
{
    public const string KinesisProviderName = "kinesis";

    public static WebApplicationBuilder AddUptSilo(this WebApplicationBuilder builder)
    {
        var silo = builder.Configuration.GetSection("Orleans").Get<SiloOptions>() ?? new SiloOptions();
        var kinesis = builder.Configuration.GetSection("Kinesis").Get<KinesisIngestOptions>() ?? new KinesisIngestOptions();
        var connectionString = builder.Configuration["Postgres:ConnectionString"];
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new OptionsValidationException("Postgres", typeof(string), ["Postgres:ConnectionString is required."]);
        }

        builder.Services.AddUptBatch();
        builder.Services.AddUptBackup();
        builder.Services.AddUptPrivacy();
        builder.UseOrleans(orleans =>
        {
            orleans.Configure<ClusterOptions>(o =>
            {
                o.ClusterId = silo.ClusterId;
                o.ServiceId = silo.ServiceId;
            });
            orleans.ConfigureEndpoints(System.Net.IPAddress.Parse(silo.AdvertisedIPAddress), silo.SiloPort, silo.GatewayPort, listenOnAnyHostAddress: true);
            orleans.UseAdoNetClustering(o =>
            {
                o.Invariant = "Npgsql";
                o.ConnectionString = connectionString;
            });
            orleans.AddAdoNetGrainStorage(StorageNames.Upt, o =>
            {
                o.Invariant = "Npgsql";
                o.ConnectionString = connectionString;
            });
            orleans.AddAdoNetGrainStorage(StorageNames.PubSub, o =>
            {
                o.Invariant = "Npgsql";
                o.ConnectionString = connectionString;
            });
            // Reminders wake the error maintenance (retention purge and retries) across restarts.
            orleans.UseAdoNetReminderService(o =>
            {
                o.Invariant = "Npgsql";
                o.ConnectionString = connectionString;
            });
            // On Kubernetes: silo name = pod name, pod labels orleans/clusterId and orleans/serviceId, and silos whose
            // pods are gone are declared dead at once (reads POD_NAME, POD_NAMESPACE, POD_IP; RBAC on pods: get, list, watch, patch).
            if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable("KUBERNETES_SERVICE_HOST")))
            {
                orleans.UseKubernetesHosting();
            }

            orleans.AddMemoryStreams(ChangeStreams.ProviderName);
            // Replaces the provider's adapter factory (the last keyed registration wins) with one whose reads finish on stop.
            orleans.Services.AddKeyedSingleton<IQueueAdapterFactory>(ChangeStreams.ProviderName, (services, _) =>
                new ShutdownQuietQueueAdapterFactory(MemoryAdapterFactory<DefaultMemoryMessageBodySerializer>.Create(services, ChangeStreams.ProviderName)));
            // The dashboard's grains and telemetry live in the silos; the API serves its pages.
            orleans.AddDashboard();

            if (!string.IsNullOrWhiteSpace(kinesis.StreamName))
            {
                orleans.AddKinesisStreams(KinesisProviderName, o =>
                {
                    o.StreamName = kinesis.StreamName;
                    o.ServiceUrl = string.IsNullOrWhiteSpace(kinesis.ServiceUrl) ? null : new Uri(kinesis.ServiceUrl);
                    o.Region = kinesis.Region;
                    o.QueueCount = kinesis.QueueCount;
                    o.MaxRecordsPerBatch = kinesis.MaxRecordsPerBatch;
                    o.CheckpointConnectionString = connectionString;
                });
            }
        });
        // After UseOrleans: its start-up step calls a grain, so it must start after the silo.
        builder.Services.AddUptErrorMaintenance();

        return builder;
    }
}
