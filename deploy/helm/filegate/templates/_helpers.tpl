{{/* Names and labels. Only simple Go-template constructs: the build renders these templates without helm. */}}
{{- define "filegate.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{- define "filegate.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name (include "filegate.name" .) | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}

{{- define "filegate.selectorLabels" -}}
app.kubernetes.io/name: {{ include "filegate.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{- define "filegate.labels" -}}
{{ include "filegate.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version }}
{{- end }}

{{- define "filegate.secretName" -}}
{{- default (include "filegate.fullname" .) .Values.existingSecret }}
{{- end }}

{{- define "filegate.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "filegate.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- default "default" .Values.serviceAccount.name }}
{{- end }}
{{- end }}
