{{/* The chart name, truncated to a DNS label. */}}
{{- define "coinfer.name" -}}
{{- .Chart.Name | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/* The release's full name: the release name, suffixed with the chart name unless it contains it. */}}
{{- define "coinfer.fullname" -}}
{{- if contains .Chart.Name .Release.Name -}}
{{- .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name .Chart.Name | trunc 63 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}

{{/* Labels on every object. */}}
{{- define "coinfer.labels" -}}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" }}
app.kubernetes.io/part-of: {{ include "coinfer.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- end -}}

{{/*
Per-service helpers take a dict: root (the top context), svc (the service's values).
*/}}

{{/* Object name of a service: <fullname>-<service name>. */}}
{{- define "coinfer.serviceFullname" -}}
{{- printf "%s-%s" (include "coinfer.fullname" .root) .svc.name | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/* Selector labels of a service (immutable in a Deployment: keep them few). */}}
{{- define "coinfer.selectorLabels" -}}
app.kubernetes.io/name: {{ .svc.name }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
{{- end -}}

{{/* All labels of a service's objects. */}}
{{- define "coinfer.serviceLabels" -}}
{{ include "coinfer.labels" .root }}
app.kubernetes.io/name: {{ .svc.name }}
app.kubernetes.io/component: {{ .svc.name }}
{{- end -}}

{{/* Image of a service: [registry/]repository:tag. */}}
{{- define "coinfer.image" -}}
{{- $img := .root.Values.image -}}
{{- $repo := .svc.image.repository | default (printf "%s/%s" $img.repositoryPrefix .svc.name) -}}
{{- $tag := .svc.image.tag | default $img.tag | default .root.Chart.AppVersion -}}
{{- if $img.registry -}}
{{- printf "%s/%s:%s" (trimSuffix "/" $img.registry) $repo $tag -}}
{{- else -}}
{{- printf "%s:%s" $repo $tag -}}
{{- end -}}
{{- end -}}

{{/* The ServiceAccount's name. */}}
{{- define "coinfer.serviceAccountName" -}}
{{- if .Values.serviceAccount.create -}}
{{- .Values.serviceAccount.name | default (include "coinfer.fullname" .) -}}
{{- else -}}
{{- .Values.serviceAccount.name | default "default" -}}
{{- end -}}
{{- end -}}

{{/* The Kafka bootstrap servers, required. */}}
{{- define "coinfer.kafkaBootstrapServers" -}}
{{- required "kafka.bootstrapServers is required: the bootstrap servers of an existing Kafka cluster, e.g. my-cluster-kafka-bootstrap.kafka.svc:9092" .Values.kafka.bootstrapServers -}}
{{- end -}}

{{/*
The <service>.yml of a service's ConfigMap: the chart's settings (ports, actuator exposure, probes,
graceful shutdown, metric tag) with the service's `config` merged over them.
*/}}
{{- define "coinfer.applicationConfig" -}}
{{- $base := dict
  "server" (dict "port" .svc.port "shutdown" "graceful")
  "spring" (dict
    "application" (dict "name" .svc.name)
    "lifecycle" (dict "timeout-per-shutdown-phase" "30s"))
  "management" (dict
    "server" (dict "port" .svc.managementPort)
    "endpoints" (dict "web" (dict "exposure" (dict "include" "health,info,prometheus")))
    "endpoint" (dict "health" (dict "probes" (dict "enabled" true)))
    "metrics" (dict "tags" (dict "application" .svc.name)))
-}}
{{- toYaml (mustMergeOverwrite $base (deepCopy (.svc.config | default dict))) -}}
{{- end -}}
