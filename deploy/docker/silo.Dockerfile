# Untested here: no Docker engine on the build machine (deploy tests check this file against the code).
# Build from the repository root:  docker build -f deploy/docker/silo.Dockerfile -t nija-silo .
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY . .
RUN dotnet publish silo/Nija.Silo.csproj -c Release -o /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0
# curl serves the compose health checks.
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY --from=build /app .
# The image's non-root user.
USER app
ENV Nija__Storage__Provider=PostgreSql \
    Nija__Cluster__Enabled=true \
    Nija__Cluster__ListenHost=0.0.0.0 \
    Nija__Cluster__Port=11111 \
    urls=http://0.0.0.0:8081
# 11111: silo-to-silo and client-to-silo calls; 8081: /healthz and /ready.
EXPOSE 11111 8081
ENTRYPOINT ["dotnet", "Nija.Silo.dll"]
