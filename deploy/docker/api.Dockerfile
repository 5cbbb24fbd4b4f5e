# Untested here: no Docker engine on the build machine (deploy tests check this file against the code).
# Build from the repository root:  docker build -f deploy/docker/api.Dockerfile -t nija-api .
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
# The api build also builds the dashboard (api/web) with npm.
RUN apt-get update && apt-get install -y --no-install-recommends nodejs npm && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY . .
RUN dotnet publish api/Nija.Api.csproj -c Release -o /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0
# curl serves the compose health checks.
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY --from=build /app .
# The image's non-root user.
USER app
ENV ASPNETCORE_URLS=http://+:8080 \
    Nija__DataDir=/tmp/nija \
    Nija__Storage__Provider=PostgreSql \
    Nija__Cluster__Enabled=true \
    Nija__Cluster__Role=Client
EXPOSE 8080
ENTRYPOINT ["dotnet", "Nija.Api.dll"]
